package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/deckpdf/deck/deck/render"
)

func runCode(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestInitEditRender is the loop a user lives in: init a copy of the
// report, render it (the same bytes as the built-in one), change a number
// in a CSV file and a sentence in the YAML, render, and find both in the
// PDF; the render says which slides changed.
func TestInitEditRender(t *testing.T) {
	needTools(t, "pdftotext")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	work := t.TempDir()
	dir := filepath.Join(work, "my-report")
	if code, out, errs := runCode("init", dir); code != 0 || !strings.Contains(out, "wrote 10 files") {
		t.Fatalf("init: %d %s %s", code, out, errs)
	}
	mine, builtin := filepath.Join(work, "mine.pdf"), filepath.Join(work, "builtin.pdf")
	runOK(t, "render", "-c", dir, "-o", mine)
	runOK(t, "render", "-o", builtin)
	a, _ := os.ReadFile(mine)
	b, _ := os.ReadFile(builtin)
	if !bytes.Equal(a, b) {
		t.Fatal("the initialised copy does not render to the built-in report's bytes")
	}

	edit := func(name, old, new string) {
		p := filepath.Join(dir, name)
		data, _ := os.ReadFile(p)
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
	}
	edit("data/market-size.csv", "2025,1078", "2025,1099")
	edit("deck.yaml", "云服务在传统行业的价值逐步显现。", "云服务在传统行业的价值已经显现。")
	out := runOK(t, "render", "-c", dir, "-o", mine)
	if !strings.Contains(out, "slides 3 (why-cloud) and 8 (market-size) changed") {
		t.Errorf("render said %q, want it to name slides 3 and 8", out)
	}
	// Lines added at the top move every slide down its file, but change
	// no slide.
	data, _ := os.ReadFile(filepath.Join(dir, "deck.yaml"))
	os.WriteFile(filepath.Join(dir, "deck.yaml"), append([]byte("# my copy\n# of the report\n"), data...), 0o644)
	if out := runOK(t, "render", "-c", dir, "-o", mine); !strings.Contains(out, "no slide changed") {
		t.Errorf("after a comment at the top, render said %q", out)
	}
	text := space.ReplaceAllString(tool(t, "pdftotext", "-raw", mine, "-"), "")
	for _, want := range []string{"3945076528381099", "云服务在传统行业的价值已经显现。"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks the edit %q", want)
		}
	}
}

func TestInitRefusesAFolderThatIsNotEmpty(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "deck.yaml"), []byte("mine"), 0o644)
	code, _, errs := runCode("init", dir)
	if code != 1 || errs != "deck init: "+dir+" is not empty; nothing written (init never overwrites files)\n" {
		t.Errorf("exit %d: %s", code, errs)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "deck.yaml")); string(data) != "mine" {
		t.Error("init overwrote a file")
	}
}

// brokenDeck is a deck with one problem of each kind that validate finds
// after loading: a missing glyph, text too long for its slide, and a
// character the PDF cannot encode.
func brokenDeck(t *testing.T) string {
	long := strings.Repeat("云计算作为底层基础类技术，可以整合算力与网络资源。", 140)
	return writeDeck(t, map[string][]byte{
		"deck.yaml": []byte("title: t\nslides:\n  - id: a\n    title: 收入 ก\n    blocks:\n      - paragraph: " + long + "\n  - id: b\n    title: 表情 😀\n"),
	})
}

func TestValidateReportsEveryProblemWithItsPlace(t *testing.T) {
	dir := brokenDeck(t)
	code, out, _ := runCode("validate", "-c", dir)
	want := dir + "/deck.yaml:4:12: error: character 'ก' (U+0E01) after \"收入 \" is not in the fonts NotoSansSC-Regular and NotoSansSC-Bold; remove it, or name fonts that have it in the theme\n" +
		dir + "/deck.yaml:6:9: error: text does not fit its box: the body of slide \"a\" is "
	if code != 1 || !strings.HasPrefix(out, want) {
		t.Fatalf("exit %d, output:\n%s\nwant it to start:\n%s", code, out, want)
	}
	for _, w := range []string{"pt too tall even at the minimum size 9pt; it would fit at ",
		dir + "/deck.yaml:8:12: error: character '😀' (U+1F600) after \"表情 \" is outside the Basic Multilingual Plane, which the PDF backends cannot encode; remove it or write it another way\n",
		dir + ": 3 errors\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

func TestValidateAsJSON(t *testing.T) {
	dir := brokenDeck(t)
	code, out, _ := runCode("validate", "-c", dir, "--format", "json")
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if code != 1 || r.Errors != 3 || len(r.Diagnostics) != 3 {
		t.Fatalf("exit %d, report %+v", code, r)
	}
	d := r.Diagnostics[0]
	if d.File != dir+"/deck.yaml" || d.Line != 4 || d.Col != 12 || d.Severity != "error" || !strings.HasPrefix(d.Message, "character 'ก'") {
		t.Errorf("first diagnostic %+v", d)
	}
	if code, out, _ := runCode("validate", "--format", "json"); code != 0 || !strings.Contains(out, `"errors": 0`) {
		t.Errorf("the built-in report: exit %d\n%s", code, out)
	}
}

func TestRenderAsJSON(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := filepath.Join(t.TempDir(), "r.pdf")
	code, stdout, _ := runCode("render", "-o", out, "--format", "json")
	var r jsonReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, stdout)
	}
	info, _ := os.Stat(out)
	if r.Output == nil || r.Output.Path != out || r.Output.Pages != 9 || int64(r.Output.Bytes) != info.Size() || r.Output.Fonts == 0 || r.Output.Images == 0 {
		t.Errorf("output %+v", r.Output)
	}
	if strings.Contains(stdout, `"changed"`) {
		t.Errorf("a first render says what changed:\n%s", stdout)
	}
	// Rendered again, nothing changed: "changed" is there, and empty.
	if _, stdout, _ = runCode("render", "-o", out, "--format", "json"); !strings.Contains(stdout, `"changed": []`) {
		t.Errorf("a second render:\n%s", stdout)
	}
}

func TestRenderToStandardOutput(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	file := filepath.Join(t.TempDir(), "r.pdf")
	runOK(t, "render", "-o", file)
	code, stdout, stderr := runCode("render", "-o", "-")
	want, _ := os.ReadFile(file)
	if code != 0 || stdout != string(want) {
		t.Errorf("exit %d; standard output is %d bytes, the file %d", code, len(stdout), len(want))
	}
	if !strings.HasPrefix(stderr, "standard output: 9 pages, ") {
		t.Errorf("stderr = %q", stderr)
	}
}

func TestRenderEndsWithWhatItWrote(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := filepath.Join(t.TempDir(), "r.pdf")
	stdout := runOK(t, "render", "-o", out)
	data, _ := os.ReadFile(out)
	res, err := render.Render(context.Background(), render.Builtin(), io.Discard, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := summary{Path: out, Pages: res.Pages, Bytes: len(data), Fonts: res.FontBytes, Images: res.ImageBytes}
	if s.Fonts < 50<<10 || s.Images < 50<<10 || s.Fonts+s.Images >= len(data) {
		t.Errorf("fonts %d and images %d of %d bytes", s.Fonts, s.Images, len(data))
	}
	if stdout != s.String()+"\n" {
		t.Errorf("stdout %q, want %q", stdout, s.String()+"\n")
	}
	if !strings.HasPrefix(s.String(), out+": 9 pages, ") || !strings.Contains(s.String(), "(fonts ") {
		t.Errorf("summary %q", s)
	}
}

func TestMaxSizeKeepsThePreviousFile(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(out, []byte("previous"), 0o644)
	code, _, stderr := runCode("render", "-o", out, "--max-size", "100KB")
	if code != 1 || !regexp.MustCompile(regexp.QuoteMeta(out)+`: error: the PDF would be \d+ bytes \(\d+ KiB\), over --max-size 100KB \(100000 bytes\); fonts `).MatchString(stderr) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(out); string(data) != "previous" {
		t.Error("the previous file was replaced")
	}
	if code, _, _ := runCode("render", "-o", out, "--max-size", "2MB"); code != 0 {
		t.Errorf("a 2MB limit failed")
	}
	if code, _, stderr := runCode("render", "-o", out, "--max-size", "big"); code != 2 || !strings.Contains(stderr, `size "big" is not a size such as 2MB`) {
		t.Errorf("a bad size: exit %d %s", code, stderr)
	}
}

func TestDescribeChanges(t *testing.T) {
	tests := []struct {
		old, cur      []string
		want, chinese string
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, "no slide changed", "各页与上一版相同"},
		{[]string{"a", "b", "c"}, []string{"a", "x", "c"}, "slide 2 changed", "第 2 页有修改"},
		{[]string{"a", "b", "c", "d"}, []string{"x", "b", "y", "z"}, "slides 1 (cover), 3 (role) and 4 changed", "第 1 页（cover）、第 3 页（role）、第 4 页有修改"},
		{[]string{"a"}, []string{"a", "b", "c"}, "slides 2 and 3 (role) changed; the deck has 3 slides, it had 1", "第 2 页、第 3 页（role）有修改；现共 3 页，上一版 1 页"},
		{[]string{"a", "b", "c"}, []string{"x", "y", "z"}, "all 3 slides changed", "全部 3 页都有修改"},
		{[]string{"a", "b"}, []string{"x", "y"}, "slides 1 (cover) and 2 changed", "第 1 页（cover）、第 2 页有修改"},
		{[]string{"a", "b"}, []string{"x", "y", "z"}, "slides 1 (cover), 2 and 3 (role) changed; the deck has 3 slides, it had 2", "第 1 页（cover）、第 2 页、第 3 页（role）有修改；现共 3 页，上一版 2 页"},
	}
	names := []string{"cover", "", "role"}
	for _, tt := range tests {
		if got := describeChanges(tt.old, tt.cur, names); got != tt.want {
			t.Errorf("describeChanges(%v, %v) = %q, want %q", tt.old, tt.cur, got, tt.want)
		}
		if got := describeChangesChinese(tt.old, tt.cur, names); got != tt.chinese {
			t.Errorf("describeChangesChinese(%v, %v) = %q, want %q", tt.old, tt.cur, got, tt.chinese)
		}
	}
}

// TestWatchRendersOnSaveAndKeepsTheLastGoodPDF drives deck watch with real
// file events: an edit re-renders, an invalid edit keeps the last PDF
// byte for byte, and fixing it renders again.
func TestWatchRendersOnSaveAndKeepsTheLastGoodPDF(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := copyDefault(t)
	out := filepath.Join(t.TempDir(), "r.pdf")
	rendered := make(chan int, 8)
	var stdout, stderr syncBuffer
	w := watcher{src: dir, out: out, stdout: &stdout, stderr: &stderr, rendered: rendered}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() { done <- w.run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	next := func() int {
		select {
		case code := <-rendered:
			return code
		case <-time.After(30 * time.Second):
			t.Fatalf("no render after 30 s\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
			return -1
		}
	}
	if code := next(); code != 0 {
		t.Fatalf("first render: %d\n%s", code, stderr.String())
	}
	first, _ := os.ReadFile(out)

	// A file the deck does not read (a log of this very watch, notes)
	// changes nothing: the edit after it gives one render, not two.
	os.WriteFile(filepath.Join(dir, "watch.log"), []byte("rendered\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "data", "notes.txt"), []byte("todo\n"), 0o644)
	time.Sleep(2 * debounce)
	csv := filepath.Join(dir, "data", "market-size.csv")
	data, _ := os.ReadFile(csv)
	os.WriteFile(csv, bytes.Replace(data, []byte("2021,394"), []byte("2021,395"), 1), 0o644)
	if code := next(); code != 0 {
		t.Fatalf("render after an edit: %d\n%s", code, stderr.String())
	}
	select {
	case <-rendered:
		t.Error("a file the deck does not read made it render")
	case <-time.After(3 * debounce):
	}
	second, _ := os.ReadFile(out)
	if bytes.Equal(first, second) {
		t.Error("the edit did not change the PDF")
	}

	deckFile := filepath.Join(dir, "deck.yaml")
	good, _ := os.ReadFile(deckFile)
	os.WriteFile(deckFile, append([]byte("titel: oops\n"), good...), 0o644)
	if code := next(); code != 1 {
		t.Fatalf("an invalid edit gave exit %d", code)
	}
	if kept, _ := os.ReadFile(out); !bytes.Equal(kept, second) {
		t.Error("an invalid edit changed the PDF")
	}
	if !strings.Contains(stderr.String(), "deck.yaml:1:1: error: unknown key \"titel\" in the deck (did you mean \"title\"?)") ||
		!strings.Contains(stderr.String(), "kept the last good "+out) {
		t.Errorf("stderr:\n%s", stderr.String())
	}

	os.WriteFile(deckFile, good, 0o644)
	if code := next(); code != 0 {
		t.Fatalf("render after the fix: %d", code)
	}
	if !strings.Contains(stdout.String(), "rendered in ") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
}

func TestFilesThatLeaveTheDeckFolderAreRefused(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "s.csv"), []byte("年,值\n2021,1\n"), 0o644)
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml": []byte("title: t\nslides:\n  - title: x\n    blocks:\n      - chart: {data: data/s.csv}\n      - image: ../logo.png\n"),
	})
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	if err := os.Symlink(filepath.Join(outside, "s.csv"), filepath.Join(dir, "data", "s.csv")); err != nil {
		t.Skip(err)
	}
	code, out, _ := runCode("validate", "-c", dir)
	want := dir + "/deck.yaml:5:23: error: data file \"" + dir + "/data/s.csv\" leaves the deck's folder through a symbolic link\n" +
		dir + "/deck.yaml:6:16: error: image \"../logo.png\" must be a path inside the deck's folder\n"
	if code != 1 || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d:\n%s\nwant:\n%s", code, out, want)
	}
}

// TestADeckInTheWorkingFolderIsTheDefault runs deck without -c in a folder
// holding deck.yaml: that deck is used, not the built-in report.
func TestADeckInTheWorkingFolderIsTheDefault(t *testing.T) {
	dir := writeDeck(t, map[string][]byte{"deck.yaml": []byte("title: t\nslides:\n  - title: 只有一页\n")})
	t.Chdir(dir)
	code, out, _ := runCode("validate")
	if code != 0 || out != "deck.yaml: no problems in 1 slide\n" {
		t.Errorf("exit %d: %q", code, out)
	}
	if out := runOK(t, "render", "-o", "r.pdf"); !strings.HasPrefix(out, "r.pdf: 1 page, ") {
		t.Errorf("render: %q", out)
	}
}

func TestDamagedImagesAreFoundByValidate(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 200))
	var full bytes.Buffer
	png.Encode(&full, img)
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml": []byte("title: t\nslides:\n  - title: x\n    blocks:\n      - image: a.png\n      - image: {path: b.png}\n"),
		"a.png":     full.Bytes()[:full.Len()/2],
		"b.png":     []byte("GIF89a not a png"),
	})
	code, out, _ := runCode("validate", "-c", dir)
	if code != 1 || !strings.Contains(out, dir+"/deck.yaml:5:16: error: image \"a.png\" is a damaged PNG file (") ||
		!strings.Contains(out, dir+"/deck.yaml:6:23: error: image \"b.png\" is not a PNG or JPEG file") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestASmallPictureDrawnLargeIsAWarning(t *testing.T) {
	var small bytes.Buffer
	png.Encode(&small, image.NewNRGBA(image.Rect(0, 0, 48, 48)))
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml": []byte("title: t\nslides:\n  - title: x\n    blocks:\n      - image: {path: icon.png, height: 150, alt: 图标}\n"),
		"icon.png":  small.Bytes(),
	})
	code, out, _ := runCode("validate", "-c", dir)
	want := dir + "/deck.yaml:5:9: warning: image \"icon.png\" is 48×48 pixels: 150pt wide on the slide, it prints at 23 dpi and looks blurred; use one 313 pixels wide or more\n"
	if code != 0 || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d:\n%s\nwant:\n%s", code, out, want)
	}
}

// TestPicturesInBothEngines draws a PNG and a JPEG of the deck's folder
// with each PDF engine: the JPEG is embedded as it is (DCT), the PNG as an
// image, and both files are valid.
func TestPicturesInBothEngines(t *testing.T) {
	needTools(t, "pdfimages", "qpdf")
	img := image.NewRGBA(image.Rect(0, 0, 640, 320))
	for x := 0; x < 640; x++ {
		for y := 0; y < 320; y++ {
			img.Set(x, y, color.RGBA{uint8(x / 3), uint8(y / 2), 160, 255})
		}
	}
	var p, j bytes.Buffer
	png.Encode(&p, img)
	jpeg.Encode(&j, img, &jpeg.Options{Quality: 85})
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml": []byte("title: t\nslides:\n  - title: 图片\n    blocks:\n      - columns:\n          - blocks: [{image: a.png}]\n          - blocks: [{image: b.jpg}]\n"),
		"a.png":     p.Bytes(),
		"b.jpg":     j.Bytes(),
	})
	for _, engine := range []string{"fpdf", "gopdf"} {
		t.Run(engine, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "r.pdf")
			runOK(t, "render", "-c", dir, "-o", out, "--engine", engine)
			tool(t, "qpdf", "--check", out)
			list := tool(t, "pdfimages", "-list", out)
			encs := map[string]int{}
			for _, l := range strings.Split(list, "\n")[2:] {
				if f := strings.Fields(l); len(f) > 8 && f[2] == "image" {
					encs[f[8]]++
				}
			}
			if encs["jpeg"] != 1 || encs["image"] != 1 {
				t.Errorf("want one JPEG and one other image:\n%s", list)
			}
		})
	}
	if code, _, errs := runCode("render", "-c", dir, "-o", filepath.Join(dir, "x.pdf"), "--engine", "pdfkit"); code != 2 || !strings.Contains(errs, `unknown engine "pdfkit" (want fpdf or gopdf)`) {
		t.Errorf("a bad engine: exit %d %s", code, errs)
	}
}

// TestVectorChartsAreTextAndPaths renders the report with --charts vector:
// no picture is left, and the charts' figures are real text on the page.
func TestVectorChartsAreTextAndPaths(t *testing.T) {
	needTools(t, "pdfimages", "pdftotext")
	out := filepath.Join(t.TempDir(), "v.pdf")
	runOK(t, "render", "-o", out, "--charts", "vector")
	if list := tool(t, "pdfimages", "-list", out); strings.Count(list, "\n") != 2 {
		t.Errorf("pictures left:\n%s", list)
	}
	text := tool(t, "pdftotext", "-f", "8", "-l", "8", out, "-")
	for _, want := range []string{"394", "1078", "2025E", "CAGR=28.6%"} {
		if !strings.Contains(text, want) {
			t.Errorf("page 8 lacks %q", want)
		}
	}
	if code, _, errs := runCode("render", "-o", out, "--charts", "svg"); code != 2 || !strings.Contains(errs, `charts "svg" is not png or vector`) {
		t.Errorf("a bad mode: exit %d %s", code, errs)
	}
}

// TestWatchSaysWhenItCouldNotWrite: a watch whose PDF cannot be written
// says so under its own name, and does not claim to keep a file that is
// not there.
func TestWatchSaysWhenItCouldNotWrite(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := filepath.Join(t.TempDir(), "no", "such", "folder", "r.pdf")
	var stdout, stderr bytes.Buffer
	w := watcher{src: copyDefault(t), out: out, stdout: &stdout, stderr: &stderr}
	w.once(context.Background())
	got := stderr.String()
	if !strings.Contains(got, "deck watch: cannot write to ") || !strings.Contains(got, " nothing written (checked in ") || strings.Contains(got, "kept the last good") {
		t.Errorf("stderr:\n%s", got)
	}
}

// TestOutputNeverReplacesWhatItShouldNot: -o naming a file the deck reads
// (directly or through a link), a folder, a device or a read-only file is
// refused before anything is written; a file replaced keeps its mode.
func TestOutputNeverReplacesWhatItShouldNot(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := copyDefault(t)
	link := filepath.Join(t.TempDir(), "link")
	os.Symlink(dir, link)
	readOnly := filepath.Join(t.TempDir(), "ro.pdf")
	os.WriteFile(readOnly, []byte("keep"), 0o444)
	for _, tt := range []struct{ out, want string }{
		{filepath.Join(dir, "deck.yaml"), "is a file the deck reads"},
		{filepath.Join(dir, "data", "market-size.csv"), "is a file the deck reads"},
		{filepath.Join(link, "theme.yaml"), "is a file the deck reads"},
		{dir, "is a folder: give a file name"},
		{"/dev/null", "is not a regular file"},
		{readOnly, "is read-only"},
	} {
		before, _ := os.ReadFile(tt.out)
		code, _, stderr := runCode("render", "-c", dir, "-o", tt.out)
		after, _ := os.ReadFile(tt.out)
		if code != 2 || !strings.Contains(stderr, tt.want) || !bytes.Equal(before, after) {
			t.Errorf("-o %s: exit %d, %q; file changed: %v", tt.out, code, stderr, !bytes.Equal(before, after))
		}
	}
	out := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(out, nil, 0o600)
	runOK(t, "render", "-c", dir, "-o", out)
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("the replaced PDF has mode %v, want -rw-------", info.Mode().Perm())
	}
}
