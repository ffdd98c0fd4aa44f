/* MathJax settings for pymdownx.arithmatex (generic mode): only typeset .arithmatex spans. */
window.MathJax = {
  tex: {inline: [["\\(", "\\)"]], display: [["\\[", "\\]"]], processEscapes: true, processEnvironments: true},
  options: {ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex"}
};
