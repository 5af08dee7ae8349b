package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/binary"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// needTools skips the test where the PDF tools are missing, except on CI,
// where .ci/run installs them and a missing tool is a failure.
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed (.ci/run installs poppler-utils and qpdf)", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
}

func renderDefault(t *testing.T, out string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("deck render exited %d:\n%s", code, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("deck render printed diagnostics:\n%s", stderr.String())
	}
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

var space = regexp.MustCompile(`\s+`)

// TestDefaultDeckPDF renders the default report and checks it with the
// tools a reader's machine has: its text, fonts, structure and metadata.
func TestDefaultDeckPDF(t *testing.T) {
	needTools(t, "pdftotext", "pdffonts", "pdfinfo", "qpdf")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	renderDefault(t, pdf)

	t.Run("every seed sentence of the built pages extracts in reading order", func(t *testing.T) {
		text := space.ReplaceAllString(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"), "")
		f, err := os.Open("testdata/seed-sentences.txt")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		// Each sentence is looked for after the one before it: the list
		// is in the order of the report.
		found, total, at := 0, 0, 0
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			total++
			s := space.ReplaceAllString(line, "")
			switch i := strings.Index(text[at:], s); {
			case i >= 0:
				found++
				at += i + len(s)
			case strings.Contains(text, s):
				t.Errorf("out of order in the PDF text (it comes before the sentence above it): %s", line)
			default:
				t.Errorf("missing from the PDF text: %s", line)
			}
		}
		if total < 130 {
			t.Errorf("only %d seed sentences listed", total)
		}
		t.Logf("%d of %d seed sentences found in the PDF text", found, total)
	})

	t.Run("every font is embedded with a ToUnicode map", func(t *testing.T) {
		lines := strings.Split(strings.TrimSpace(tool(t, "pdffonts", pdf)), "\n")
		if len(lines) < 4 {
			t.Fatalf("want two fonts, pdffonts says:\n%s", strings.Join(lines, "\n"))
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type... encoding emb sub uni object ID
			if n := len(f); n < 7 || f[n-5] != "yes" || f[n-3] != "yes" {
				t.Errorf("font not embedded with ToUnicode: %s", l)
			}
			// A subset is named as the standard asks: ABCDEF+PostScriptName.
			if n := len(f); n < 7 || f[n-4] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$`).MatchString(f[0]) {
				t.Errorf("font not named as a subset: %s", l)
			}
		}
	})

	t.Run("the file is valid", func(t *testing.T) {
		tool(t, "qpdf", "--check", pdf)
	})

	t.Run("pages are 16:9 and metadata is set", func(t *testing.T) {
		info := tool(t, "pdfinfo", pdf)
		for _, want := range []string{
			"Title:           中国金融云行业研究报告",
			"Author:          艾瑞咨询研究院",
			"Keywords:        金融云, 云计算",
			"Creator:         deck ",
			"CreationDate:    Fri Sep 30 00:00:00 2022 UTC",
			"Pages:           9",
			"Page size:       960 x 540 pts",
		} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
	})

	t.Run("one bookmark a slide, the link clickable, the language set", func(t *testing.T) {
		var doc struct {
			Outlines []struct{ Title string } `json:"outlines"`
		}
		if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", pdf)), &doc); err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, o := range doc.Outlines {
			titles = append(titles, o.Title)
		}
		want := []string{"中国金融云行业研究报告", "摘要", "为什么要发展云服务？", "云化转型：角色定位驱动", "云化转型：科技基因驱动",
			"云化转型：业务模式驱动", "云化转型：政策导向驱动", "中国金融云市场规模", "预览已结束，完整报告链接和二维码如下："}
		if strings.Join(titles, "|") != strings.Join(want, "|") {
			t.Errorf("outline = %q", titles)
		}
		raw := tool(t, "qpdf", "--qdf", "--object-streams=disable", pdf, "-")
		if !strings.Contains(raw, "/URI (https://www.yunbaogao.cn/report/index/report?reportId=1_46706)") {
			t.Error("no link annotation to the full report")
		}
		if !strings.Contains(raw, "/Lang (zh-CN)") {
			t.Error("no document language")
		}
	})

	t.Run("a second render is byte-identical", func(t *testing.T) {
		again := filepath.Join(dir, "again.pdf")
		renderDefault(t, again)
		a, _ := os.ReadFile(pdf)
		b, _ := os.ReadFile(again)
		if !bytes.Equal(a, b) {
			t.Errorf("two renders differ: %d and %d bytes", len(a), len(b))
		}
	})
}

func TestFailedRenderKeepsTheExistingFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.pdf")
	old := []byte("%PDF-1.4 the previous report")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	deckDir := filepath.Join(dir, "mydeck")
	os.Mkdir(deckDir, 0o755)
	os.WriteFile(filepath.Join(deckDir, "deck.yaml"), []byte("title: t\nslides:\n  - title: 文字\n    blocks:\n      - paragraf: 云\n"), 0o644)

	var stdout, stderr bytes.Buffer
	code := run([]string{"render", "-c", deckDir, "-o", out}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	want := deckDir + "/deck.yaml:5:9: error: unknown block kind \"paragraf\" (did you mean \"paragraph\"?)\n" +
		"deck render: 1 error; nothing written\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	got, _ := os.ReadFile(out)
	if !bytes.Equal(got, old) {
		t.Error("the existing report.pdf was changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want report.pdf and mydeck only", len(entries))
	}
}

func TestRenderToAMissingFolderFailsCleanly(t *testing.T) {
	var stdout, stderr bytes.Buffer
	out := filepath.Join(t.TempDir(), "no", "such", "report.pdf")
	if code := run([]string{"render", "-o", out}, &stdout, &stderr); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "deck render: cannot write to ") {
		t.Errorf("stderr = %q", stderr.String())
	}
}

func TestCommandLine(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"no command prints usage", nil, 2, "", "Usage:"},
		{"an unknown command is a usage error", []string{"rendr"}, 2, "", `unknown command "rendr"`},
		{"help", []string{"help"}, 0, "deck render", ""},
		{"-h on render prints help to standard output", []string{"render", "-h"}, 0, "Usage: deck render", ""},
		{"a wrong flag prints help to standard error", []string{"render", "-q"}, 2, "", "Usage: deck render"},
		{"an unknown flag", []string{"render", "-x"}, 2, "", "flag provided but not defined: -x"},
		{"a stray argument", []string{"render", "deck.yaml"}, 2, "", `unexpected argument "deck.yaml"`},
		{"a missing deck folder", []string{"render", "-c", "/no/such/deck"}, 2, "", "cannot open the deck /no/such/deck"},
		{"version", []string{"version"}, 0, "deck v", ""},
		{"watch without -c where there is no deck.yaml", []string{"watch"}, 2, "", "there is no deck.yaml here to watch: give the deck with -c PATH"},
		{"watch with a stray argument", []string{"watch", "deck.yaml"}, 2, "", `unexpected argument "deck.yaml"`},
		{"init needs a folder name", []string{"init", ""}, 2, "", "deck init: the folder name is empty"},
		{"init --blank has no data for --xlsx", []string{"init", "--blank", "--xlsx", "x"}, 2, "", "deck init: --blank and --xlsx do not go together: the blank deck has no data\n"},
		{"watch cannot write to standard output", []string{"watch", "-o", "-"}, 2, "", "deck watch: -o - is for deck render"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.inStdout) || !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("run(%q) = %d\nstdout: %s\nstderr: %s", tt.args, code, stdout.String(), stderr.String())
			}
		})
	}
}

func TestSourceDateEpochSetsThePDFDate(t *testing.T) {
	needTools(t, "pdfinfo")
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out := filepath.Join(t.TempDir(), "r.pdf")
	renderDefault(t, out)
	if info := tool(t, "pdfinfo", out); !strings.Contains(info, "CreationDate:    Tue Nov 14 22:13:20 2023 UTC") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	for _, bad := range []string{"99999999999999", "-1", "soon"} {
		t.Setenv("SOURCE_DATE_EPOCH", bad)
		if code, _, stderr := runCode("render", "-o", out); code != 2 || !strings.Contains(stderr, "is not a count of seconds from 1970 to the year 9999") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: exit %d, %s", bad, code, stderr)
		}
	}
}

// TestBinaryRendersFromAnEmptyFolder builds the command as the README
// does and runs it where there are no content files: the default deck and
// its fonts are inside, and the binary is static, with no interpreter to
// load a C library.
func TestBinaryRendersFromAnEmptyFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "deck")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if runtime.GOOS == "linux" {
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Error("the binary names a dynamic loader: it is not static")
			}
		}
		f.Close()
	}
	empty := t.TempDir()
	cmd := exec.Command(bin, "render", "-o", "report.pdf")
	cmd.Dir = empty
	cmd.Env = append(os.Environ(), "HOME="+empty, "XDG_CACHE_HOME="+empty)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("deck render: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`^report\.pdf: 9 pages, \d+ KiB \(fonts \d+ KiB, images \d+ KiB\)\n$`).Match(out) {
		t.Errorf("output = %q", out)
	}
	if _, err := os.Stat(filepath.Join(empty, "report.pdf")); err != nil {
		t.Error(err)
	}
}

// writeDeck writes files into a new deck folder and returns its path.
func writeDeck(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	writeDeckAt(t, dir, files)
	return dir
}

// writeDeckAt writes files into dir.
func writeDeckAt(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestThemeFontsThatCannotBeEmbeddedAreRefused(t *testing.T) {
	otf := append([]byte("OTTO"), make([]byte, 64)...)
	mixed, err := os.ReadFile("../../fonts/testdata/mixed.otc")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml":     []byte("title: t\ntheme: theme.yaml\nslides:\n  - title: 标题\n"),
		"theme.yaml":    []byte("fonts:\n  regular: f/Regular.otf\n  bold: f/Bold.otc\n"),
		"f/Regular.otf": otf,
		"f/Bold.otc":    mixed, // face 0 has CFF outlines
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"render", "-c", dir, "-o", filepath.Join(dir, "out.pdf")}, &stdout, &stderr)
	want := dir + "/theme.yaml:2:12: error: fonts: f/Regular.otf: the font has CFF (PostScript) outlines; deck embeds TrueType outlines (a glyf table) only, as both PDF engines do: take a TrueType face or .ttf\n" +
		dir + "/theme.yaml:3:9: error: fonts: f/Bold.otc: face 0 of the collection: the font has CFF (PostScript) outlines; deck embeds TrueType outlines (a glyf table) only, as both PDF engines do: take a TrueType face or .ttf\n" +
		"deck render: 2 errors; nothing written\n"
	if code != 1 || stderr.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr.String(), want)
	}
}

func TestThemeFontsAreUsed(t *testing.T) {
	needTools(t, "pdffonts", "qpdf")
	regular, _ := os.ReadFile("../../fonts/NotoSansSC-Regular.ttf")
	bold, _ := os.ReadFile("../../fonts/NotoSansSC-Bold.ttf")
	tests := []struct {
		name  string
		theme string
		files map[string][]byte
	}{
		{"two .ttf files", "fonts: {regular: my/Sans.ttf, bold: my/SansBold.ttf}\n",
			map[string][]byte{"my/Sans.ttf": regular, "my/SansBold.ttf": bold}},
		{"two faces of a .ttc, by index and by name", "fonts: {regular: {file: my/Sans.ttc, index: 1}, bold: {file: my/Sans.ttc, name: NotoSansSC-Bold}}\n",
			map[string][]byte{"my/Sans.ttc": fontCollection(bold, regular)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["deck.yaml"] = []byte("title: t\ntheme: theme.yaml\nslides:\n  - title: 标题\n    blocks:\n      - paragraph: 正文\n")
			tt.files["theme.yaml"] = []byte(tt.theme)
			dir := writeDeck(t, tt.files)
			out := filepath.Join(dir, "out.pdf")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"render", "-c", dir, "-o", out}, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			tool(t, "qpdf", "--check", out)
			f := tool(t, "pdffonts", out)
			for _, name := range []string{"+NotoSansSC-Regular ", "+NotoSansSC-Bold "} {
				if !strings.Contains(f, name) {
					t.Errorf("want %s embedded; pdffonts:\n%s", name, f)
				}
			}
			if strings.Count(f, "CID TrueType      Identity-H       yes") != 2 {
				t.Errorf("want the two theme fonts embedded; pdffonts:\n%s", f)
			}
		})
	}
}

// fontCollection writes faces as a .ttc: its header, then each face with
// its table offsets counted from the start of the collection.
func fontCollection(faces ...[]byte) []byte {
	out := make([]byte, 12+4*len(faces))
	copy(out, "ttcf\x00\x01\x00\x00")
	binary.BigEndian.PutUint32(out[8:], uint32(len(faces)))
	for i, f := range faces {
		at := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(at))
		out = append(out, f...)
		for rec := at + 12; rec < at+12+16*int(binary.BigEndian.Uint16(f[4:])); rec += 16 {
			binary.BigEndian.PutUint32(out[rec+8:], binary.BigEndian.Uint32(out[rec+8:])+uint32(at))
		}
	}
	return out
}

// TestPDFEmbedsOnlyTheGlyphsUsed renders a one-slide deck: its PDF is a
// small fraction of the 2.9 MB fonts, so they are subset.
func TestPDFEmbedsOnlyTheGlyphsUsed(t *testing.T) {
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml": []byte("title: t\nslides:\n  - title: 标题\n    blocks:\n      - paragraph: 云计算\n"),
	})
	out := filepath.Join(dir, "out.pdf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", "-c", dir, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > 60<<10 {
		t.Errorf("a PDF of a dozen characters is %d bytes: the fonts are not subset", info.Size())
	}
}

func TestThemeLogoIsDrawnOnContentSlides(t *testing.T) {
	needTools(t, "pdfimages", "qpdf")
	img := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for x := 0; x < 120; x++ {
		for y := 0; y < 40; y++ {
			img.Set(x, y, color.NRGBA{R: 200, A: uint8(x * 2)})
		}
	}
	var logo bytes.Buffer
	png.Encode(&logo, img)
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml":    []byte("title: t\ntheme: theme.yaml\nslides:\n  - title: 一\n  - title: 二\n"),
		"theme.yaml":   []byte("logo: img/logo.png\n"),
		"img/logo.png": logo.Bytes(),
	})
	out := filepath.Join(dir, "out.pdf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"render", "-c", dir, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	tool(t, "qpdf", "--check", out)
	list := tool(t, "pdfimages", "-list", out)
	// One image with its alpha mask on each of the two pages, embedded once.
	kinds, objects := map[string]int{}, map[string]bool{}
	for _, l := range strings.Split(list, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 11 {
			kinds[f[2]]++
			if f[2] == "image" {
				objects[f[10]] = true
			}
		}
	}
	if kinds["image"] != 2 || kinds["smask"] != 2 || len(objects) != 1 {
		t.Errorf("want one logo image with a soft mask, drawn on both pages; pdfimages -list:\n%s", list)
	}
}

func TestALogoThatIsNotAPNGIsRefused(t *testing.T) {
	dir := writeDeck(t, map[string][]byte{
		"deck.yaml":  []byte("title: t\ntheme: theme.yaml\nslides:\n  - title: 一\n"),
		"theme.yaml": []byte("logo: logo.jpg\n"),
		"logo.jpg":   []byte("\xff\xd8\xff\xe0 not a png"),
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"render", "-c", dir, "-o", filepath.Join(dir, "out.pdf")}, &stdout, &stderr)
	want := dir + "/theme.yaml:1:7: error: logo \"logo.jpg\" is not a PNG file: a logo is a PNG, which keeps a transparent background; convert a JPEG or SVG to PNG\ndeck render: 1 error; nothing written\n"
	if code != 1 || stderr.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr.String(), want)
	}
}

// TestQRCodeScans renders the closing page and reads its QR code back with
// zbarimg, as a phone would.
func TestQRCodeScans(t *testing.T) {
	needTools(t, "pdftoppm", "zbarimg")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	renderDefault(t, pdf)
	tool(t, "pdftoppm", "-r", "150", "-png", "-f", "9", "-l", "9", pdf, filepath.Join(dir, "p"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
	if len(pngs) != 1 {
		t.Fatalf("pages rendered: %v", pngs)
	}
	out, _ := exec.Command("zbarimg", "-q", "--raw", pngs[0]).Output()
	if got := strings.TrimSpace(string(out)); got != "https://www.yunbaogao.cn/report/index/report?reportId=1_46706" {
		t.Errorf("zbarimg read %q", got)
	}
}

// TestMain keeps the tests' render records out of the user's cache.
func TestMain(m *testing.M) {
	if os.Getenv("DECK_WRITE_LOOP") != "" { // a process killed by a test: it writes no record
		os.Exit(m.Run())
	}
	// The go commands the tests run (a build, an example program) keep
	// using the Go build cache: under an empty XDG_CACHE_HOME they would
	// compile every package again, 45 s each.
	if os.Getenv("GOCACHE") == "" {
		// "off" where there is no cache folder: then there is none to keep.
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil && filepath.IsAbs(strings.TrimSpace(string(out))) {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	cache, err := os.MkdirTemp("", "deck-test-cache")
	if err == nil {
		os.Setenv("XDG_CACHE_HOME", cache)
	}
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// TestTimingsNameEveryStage: --timings prints each stage of a render, in
// order, with times that add up to no more than the total.
func TestTimingsNameEveryStage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	out := filepath.Join(t.TempDir(), "r.pdf")
	if code := run([]string{"render", "--timings", "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	m := regexp.MustCompile(`^timings: load ([\d.]+) ms, fonts ([\d.]+) ms, layout ([\d.]+) ms, charts ([\d.]+) ms, pdf ([\d.]+) ms, write ([\d.]+) ms; total ([\d.]+) ms\n$`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("stderr %q", stderr.String())
	}
	sum := 0.0
	for _, s := range m[1:7] {
		v, _ := strconv.ParseFloat(s, 64)
		sum += v
	}
	if total, _ := strconv.ParseFloat(m[7], 64); sum > total+0.7 || total <= 0 {
		t.Errorf("stages add up to %.1f ms, total %.1f ms", sum, total)
	}
}

// TestAFontOfOneWeightServesForBoth: a theme may name only a regular
// font, or the same file twice; both engines embed it once.
func TestAFontOfOneWeightServesForBoth(t *testing.T) {
	needTools(t, "pdffonts", "qpdf")
	regular, _ := os.ReadFile("../../fonts/NotoSansSC-Regular.ttf")
	for _, theme := range []string{"fonts: {regular: my/Sans.ttf}\n", "fonts: {regular: my/Sans.ttf, bold: my/Sans.ttf}\n"} {
		dir := writeDeck(t, map[string][]byte{
			"deck.yaml":   []byte("title: t\ntheme: theme.yaml\nslides:\n  - title: 标题\n    blocks:\n      - paragraph: 正文**加粗**\n"),
			"theme.yaml":  []byte(theme),
			"my/Sans.ttf": regular,
		})
		for _, engine := range []string{"fpdf", "gopdf"} {
			out := filepath.Join(dir, engine+".pdf")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"render", "-c", dir, "-o", out, "--engine", engine}, &stdout, &stderr); code != 0 {
				t.Fatalf("%s, %s: exit %d: %s", theme, engine, code, stderr.String())
			}
			tool(t, "qpdf", "--check", out)
			if f := tool(t, "pdffonts", out); strings.Count(f, "CID TrueType      Identity-H       yes") != 1 || !strings.Contains(f, "+NotoSansSC-Regular ") {
				t.Errorf("%s, %s: want the one font embedded once; pdffonts:\n%s", theme, engine, f)
			}
		}
	}
}
