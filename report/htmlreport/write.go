package htmlreport

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"sync"

	"github.com/caselint/caselint/lint"
)

//go:embed page.html
var pageHTML string

// pageTemplate is parsed when a report is first written, not when the
// program starts: most runs write no HTML.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(pageHTML))
})

// sortScript makes the dashboard's column headings buttons that sort it.
// Without scripts the table stays in the order of the cases, every column
// still there: the page degrades to a plain table.
const sortScript = `document.querySelectorAll("table.sortable").forEach(function (t) {
  var heads = t.querySelectorAll("th[data-sort]");
  heads.forEach(function (th) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(b);
    b.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var body = t.tBodies[0], col = th.cellIndex, num = th.dataset.sort === "number";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.value || "", y = b.cells[col].dataset.value || "";
        var c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});`

// scriptHash is the script's hash for the page's Content-Security-Policy,
// which allows that script and nothing else.
var scriptHash = func() string {
	h := sha256.Sum256([]byte(sortScript))
	return base64.StdEncoding.EncodeToString(h[:])
}()

// view is the page and its script, for the template.
type view struct {
	*page
	Script template.JS
}

// Write writes res as the HTML report.
func Write(w io.Writer, res *lint.Result, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := pageTemplate().Execute(bw, view{page: build(res, opts), Script: template.JS(sortScript)}); err != nil {
		return err
	}
	return bw.Flush()
}
