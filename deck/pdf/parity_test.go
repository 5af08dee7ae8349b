package pdf_test

import (
	"bytes"
	"fmt"
	"image"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/deckpdf/deck/charts"
	"github.com/deckpdf/deck/content"
	"github.com/deckpdf/deck/deck"
	"github.com/deckpdf/deck/deck/internal/pixeldiff"
	"github.com/deckpdf/deck/deck/internal/tooltest"
	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/pdf"
	"github.com/deckpdf/deck/fonts"
	"golang.org/x/tools/txtar"
)

// run runs a tool and returns its standard output and error; a failed run
// fails the test.
func run(t *testing.T, name string, args ...string) (string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String(), stderr.String()
}

// A testDeck is a deck laid out with its charts drawn, ready to write.
type testDeck struct {
	name  string
	meta  deck.Meta
	fonts *fonts.Set
	pages []layout.Page
}

// build lays out the deck file deck.yaml of fsys and draws its charts
// with the options.
func build(t testing.TB, name string, fsys fs.FS, opt charts.Options) testDeck {
	t.Helper()
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, diags := content.Load(fsys, content.DeckFile, "")
	if d == nil || diags.HasErrors() {
		t.Fatalf("%s does not load:\n%s", name, diags)
	}
	if d.Theme.Fonts.Regular.Path != "" {
		t.Fatalf("%s names its own fonts; the parity tests use the bundled ones", name)
	}
	pages, diags := layout.Layout(d, set)
	if diags.HasErrors() {
		t.Fatalf("%s does not lay out:\n%s", name, diags)
	}
	if diags, err := charts.Fill(t.Context(), pages, d.Theme, set, opt); err != nil || len(diags) > 0 {
		t.Fatalf("%s: charts: %v\n%s", name, err, diags)
	}
	return testDeck{name: name, meta: d.Meta, fonts: set, pages: pages}
}

// defaultDeck returns the built-in report.
func defaultDeck(t testing.TB) testDeck {
	t.Helper()
	return build(t, "default", content.Default(), charts.Options{})
}

// vectorDeck returns the built-in report with its charts drawn as vectors.
func vectorDeck(t testing.TB) testDeck {
	t.Helper()
	return build(t, "default-vector-charts", content.Default(), charts.Options{Vector: true})
}

// testDecks returns the default report, with pictures and with vector
// charts, and every deck of the layout golden files that lays out without
// errors.
func testDecks(t *testing.T) []testDeck {
	t.Helper()
	decks := []testDeck{defaultDeck(t), vectorDeck(t)}
	paths, err := filepath.Glob("../layout/testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no layout golden files (%v)", err)
	}
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		errs := false
		for _, f := range a.Files {
			if f.Name == "want.errors" {
				errs = true
			}
			if !strings.HasPrefix(f.Name, "want.") {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
		if !errs {
			decks = append(decks, build(t, strings.TrimSuffix(filepath.Base(p), ".txtar"), fsys, charts.Options{}))
		}
	}
	return decks
}

// date is the date written into the test PDFs.
var date = time.Date(2022, 9, 30, 0, 0, 0, 0, time.UTC)

// write renders the deck with the engine.
func write(t testing.TB, d testDeck, e pdf.Engine) []byte {
	t.Helper()
	var b bytes.Buffer
	opt := pdf.Options{Meta: d.meta, Creator: "deck test", Date: date, Fonts: d.fonts, Engine: e}
	if err := pdf.Write(&b, d.pages, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The pixel thresholds, on a scale of 0 to 255, for pages rendered at 50
// dpi. The two engines' pages differ by antialiasing only: rounded corners
// drawn as curves (fpdf) or as polygons within 0.005 pt (gopdf), and glyphs
// a hundredth of a point apart (fpdf writes font sizes to 0.01 pt, gopdf
// to 0.001 pt). Measured on the decks here (go test -v logs every page),
// the mean difference of a page is at most 0.053 and the mean over a tile
// at most 7.0. TestPixelComparisonSeesAWordOutOfPlace measures what real
// defects cost: a line of body text 1 pt too low raises the page's mean to
// about 0.75; two characters left out or moved 1 pt raise a tile's mean
// to about 20, though the page's mean only to 0.05, the noise. Hence two
// thresholds, each well above the noise and well below the defect.
const (
	maxMeanDiff = 0.15
	maxTileDiff = 12
)

// TestEnginesAgree renders every deck with both engines and checks what a
// reader would: the same pages, text and look, the fonts embedded, and
// files that the PDF tools read without a complaint.
func TestEnginesAgree(t *testing.T) {
	tooltest.Need(t, "pdfinfo", "pdftotext", "pdffonts", "pdftoppm", "qpdf")
	for _, d := range testDecks(t) {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			files := map[pdf.Engine]string{}
			for _, e := range pdf.Engines {
				data := write(t, d, e)
				if again := write(t, d, e); !bytes.Equal(data, again) {
					t.Errorf("%v: a second render gives other bytes", e)
				}
				files[e] = filepath.Join(dir, e.String()+".pdf")
				if err := os.WriteFile(files[e], data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			fp, gp := files[pdf.EngineFPDF], files[pdf.EngineGoPDF]

			t.Run("page count, page size and document information are the same", func(t *testing.T) {
				a, b := pdfinfo(t, fp), pdfinfo(t, gp)
				if a["Pages"] != fmt.Sprint(len(d.pages)) {
					t.Errorf("fpdf: %s pages, want %d", a["Pages"], len(d.pages))
				}
				for _, k := range []string{"Pages", "Page size", "Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"} {
					if a[k] != b[k] {
						t.Errorf("%s: fpdf %q, gopdf %q", k, a[k], b[k])
					}
				}
			})
			t.Run("the text extracts the same", func(t *testing.T) {
				a, b := text(t, fp), text(t, gp)
				if a != b {
					t.Errorf("the text differs:\nfpdf:  %s\ngopdf: %s", a, b)
				}
				if a == "" {
					t.Errorf("no text")
				}
			})
			t.Run("every font is embedded", func(t *testing.T) {
				a, b := fontsOf(t, fp), fontsOf(t, gp)
				if len(a) != len(b) {
					t.Errorf("fpdf has %d fonts, gopdf %d", len(a), len(b))
				}
				for _, f := range slices.Concat(a, b) {
					if !f.embedded {
						t.Errorf("%s is not embedded", f.name)
					}
				}
			})
			for _, e := range pdf.Engines {
				t.Run(e.String()+" passes qpdf --check", func(t *testing.T) {
					out, _ := run(t, "qpdf", "--check", files[e])
					if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(out, "WARNING") {
						t.Errorf("qpdf --check:\n%s", out)
					}
				})
				t.Run(e.String()+" opens in MuPDF without a warning", func(t *testing.T) {
					tooltest.Need(t, "mutool")
					// -N: this MuPDF has no colour management, and says so
					// otherwise; -q: no progress lines.
					stdout, stderr := run(t, "mutool", "draw", "-q", "-N", "-o", os.DevNull, files[e])
					if stdout+stderr != "" {
						t.Errorf("mutool draw:\n%s%s", stdout, stderr)
					}
					if _, stderr := run(t, "mutool", "show", files[e], "outline"); stderr != "" {
						t.Errorf("mutool show outline:\n%s", stderr)
					}
				})
			}
			t.Run("the outline has the same entry for every page", func(t *testing.T) {
				tooltest.Need(t, "mutool")
				a, _ := run(t, "mutool", "show", fp, "outline")
				b, _ := run(t, "mutool", "show", gp, "outline")
				var want strings.Builder
				for i, p := range d.pages {
					fmt.Fprintf(&want, "|\t%q\t#page=%d&zoom=nan,0,0\n", p.Title, i+1)
				}
				if a != want.String() || b != want.String() {
					t.Errorf("outlines:\nfpdf:\n%sgopdf:\n%swant:\n%s", a, b, want.String())
				}
			})
			t.Run("the pages look the same", func(t *testing.T) {
				a, b := raster(t, fp), raster(t, gp)
				if len(a) != len(b) {
					t.Fatalf("fpdf gives %d pictures, gopdf %d", len(a), len(b))
				}
				for i := range a {
					mean, local := diff(t, a[i], b[i])
					t.Logf("page %d: mean absolute difference %.4f, largest over a tile %.2f (of 255)", i+1, mean, local)
					if mean > maxMeanDiff {
						t.Errorf("page %d: the pictures differ by %.4f on average (threshold %.2f)", i+1, mean, maxMeanDiff)
					}
					if local > maxTileDiff {
						t.Errorf("page %d: the pictures differ by %.2f over a tile (threshold %d)", i+1, local, maxTileDiff)
					}
				}
			})
		})
	}
}

func pdfinfo(t *testing.T, file string) map[string]string {
	t.Helper()
	out, _ := run(t, "pdfinfo", "-isodates", file)
	info := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// text returns the text of the file in reading order, its white space
// collapsed.
func text(t *testing.T, file string) string {
	t.Helper()
	out, _ := run(t, "pdftotext", "-raw", "-enc", "UTF-8", file, "-")
	return strings.Join(strings.Fields(out), " ")
}

type font struct {
	name     string
	embedded bool
}

// fontsOf reads pdffonts's table, by the columns its heading names.
func fontsOf(t *testing.T, file string) []font {
	t.Helper()
	out, _ := run(t, "pdffonts", file)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("pdffonts:\n%s", out)
	}
	emb := strings.Index(lines[0], "emb")
	var fs []font
	for _, l := range lines[2:] {
		if len(l) < emb+3 {
			t.Fatalf("pdffonts line %q", l)
		}
		fs = append(fs, font{name: strings.Fields(l)[0], embedded: l[emb:emb+3] == "yes"})
	}
	if len(fs) == 0 {
		t.Errorf("%s has no fonts", file)
	}
	return fs
}

// raster renders every page at 50 dpi.
func raster(t *testing.T, file string) []image.Image {
	t.Helper()
	imgs, err := pixeldiff.Poppler(file, "-r", "50")
	if err != nil {
		t.Fatal(err)
	}
	return imgs
}

// diff compares two pictures of one size (see pixeldiff.Diff).
func diff(t *testing.T, a, b image.Image) (mean, local float64) {
	t.Helper()
	mean, local, err := pixeldiff.Diff(a, b, pixeldiff.Tile)
	if err != nil {
		t.Fatal(err)
	}
	return mean, local
}

// TestPixelComparisonSeesAWordOutOfPlace checks the thresholds against
// small defects: the default report's second page drawn by gopdf, with two
// characters of a line left out or a line moved down 1 pt, against the
// page as fpdf draws it.
func TestPixelComparisonSeesAWordOutOfPlace(t *testing.T) {
	tooltest.Need(t, "pdftoppm")
	d := defaultDeck(t)
	dir := t.TempDir()
	ref := filepath.Join(dir, "fpdf.pdf")
	if err := os.WriteFile(ref, write(t, d, pdf.EngineFPDF), 0o644); err != nil {
		t.Fatal(err)
	}
	want := raster(t, ref)[1]
	// change applies f to the first line of body text on page 2.
	change := func(f func(r layout.TextRun) layout.TextRun) testDeck {
		c := d
		c.pages = slices.Clone(d.pages)
		c.pages[1].Items = slices.Clone(d.pages[1].Items)
		for i, it := range c.pages[1].Items {
			if r, ok := it.(layout.TextRun); ok && !r.Hidden && r.Size == 12 && utf8.RuneCountInString(r.Text) > 30 {
				c.pages[1].Items[i] = f(r)
				return c
			}
		}
		t.Fatal("page 2 has no line of body text")
		return c
	}
	for _, c := range []struct {
		name string
		deck testDeck
		mean bool // the page's mean sees it, not only a tile's
	}{
		{"two characters left out", change(func(r layout.TextRun) layout.TextRun {
			head := string([]rune(r.Text)[:2])
			r.At.X += r.Face.Width(head, r.Size) + 2*r.Spacing
			r.Text = strings.TrimPrefix(r.Text, head)
			return r
		}), false},
		{"a line 1 pt too low", change(func(r layout.TextRun) layout.TextRun {
			r.At.Y++
			return r
		}), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".pdf")
			if err := os.WriteFile(file, write(t, c.deck, pdf.EngineGoPDF), 0o644); err != nil {
				t.Fatal(err)
			}
			mean, local := diff(t, want, raster(t, file)[1])
			t.Logf("mean %.4f, over a tile %.2f", mean, local)
			if local <= maxTileDiff {
				t.Errorf("a tile differs by %.2f, within the threshold %d", local, maxTileDiff)
			}
			if c.mean && mean <= maxMeanDiff {
				t.Errorf("the page differs by %.4f, within the threshold %.2f", mean, maxMeanDiff)
			}
		})
	}
}

// TestHiddenTextIsSearchableButNotSeen checks the text of a chart's
// picture as a reader meets it, in both engines: it extracts, and the page
// stays white.
func TestHiddenTextIsSearchableButNotSeen(t *testing.T) {
	tooltest.Need(t, "pdftotext", "pdftoppm")
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	run := layout.TextRun{At: layout.Point{X: 10, Y: 50}, Face: set.Bold, Size: 30, Fill: deck.Color{A: 255}, Text: "394亿元", Hidden: true}
	d := testDeck{name: "hidden", fonts: set, pages: []layout.Page{{Size: deck.Size{W: 200, H: 100}, Items: []layout.Item{run}}}}
	for _, e := range pdf.Engines {
		t.Run(e.String(), func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "hidden.pdf")
			if err := os.WriteFile(file, write(t, d, e), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := text(t, file); got != run.Text {
				t.Errorf("the text is %q, want %q", got, run.Text)
			}
			img := raster(t, file)[0]
			for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
				for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
					if r, g, b, _ := img.At(x, y).RGBA(); r&g&b != 0xffff {
						t.Fatalf("the pixel at %d,%d is not white", x, y)
					}
				}
			}
		})
	}
}
