package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRenderWritesSlidePictures runs deck render --format png as a user
// would and checks the files it leaves, by name and size.
func TestRenderWritesSlidePictures(t *testing.T) {
	all := []string{"01.png", "02.png", "03.png", "04.png", "05.png", "06.png", "07.png", "08.png", "09.png"}
	for _, c := range []struct {
		name  string
		args  []string // -o is the folder "out" unless given
		files []string
		size  image.Point
	}{
		{"every page goes into the folder as 01.png to 09.png", []string{"--width", "480"}, all, image.Pt(480, 270)},
		{"a selection writes its pages under their numbers", []string{"--pages", "2-4,8", "--width", "480"}, []string{"02.png", "03.png", "04.png", "08.png"}, image.Pt(480, 270)},
		{"one page can be one file", []string{"--pages", "3", "--width", "320", "-o", "out/slide.png"}, []string{"slide.png"}, image.Pt(320, 180)},
		{"the default width is full HD", []string{"--pages", "1"}, []string{"01.png"}, image.Pt(1920, 1080)},
		// Three rows of three 293×165 slides, under gaps of 20 px and
		// with 32 px for their numbers.
		{"a contact sheet is one picture", []string{"--sheet", "--width", "960"}, []string{"sheet.png"}, image.Pt(960, 20+3*(165+32))},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			if strings.HasSuffix(c.name, "one file") {
				// A file goes into a folder that is there, as a PDF does.
				if err := os.Mkdir(out, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string{"render", "--format", "png", "-o", out}, c.args...)
			for i, a := range args {
				args[i] = strings.Replace(a, "out/", out+"/", 1)
			}
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Fatalf("deck render exited %d:\n%s", code, stderr.String())
			}
			if got := names(t, out); !slices.Equal(got, c.files) {
				t.Errorf("the folder holds %v, want %v", got, c.files)
			}
			for _, f := range c.files {
				if got := pngSize(t, filepath.Join(out, f)); got != c.size {
					t.Errorf("%s is %v, want %v", f, got, c.size)
				}
			}
		})
	}
}

// TestBadPictureRequestsWriteNothing asks for what cannot be written: each
// is refused with a message and the exit code, and leaves no file behind.
func TestBadPictureRequestsWriteNothing(t *testing.T) {
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"a page that does not exist is a usage error", []string{"--format", "png", "--pages", "8-10", "-o", "out"}, 2,
			"deck render: render: pages \"8-10\": page 10 does not exist: the deck has 9 pages\n"},
		{"a page that does not exist is a usage error for a PDF too", []string{"--pages", "10", "-o", "out/report.pdf"}, 2,
			"deck render: render: pages \"10\": page 10 does not exist: the deck has 9 pages\n"},
		{"one file cannot hold two pages", []string{"--format", "png", "--pages", "2-3", "-o", "out/slide.png"}, 2,
			"deck render: -o out/slide.png is one picture, and the selection has 2 pages: give --pages one page, --sheet, or a folder\n"},
		{"a width needs --format png", []string{"--width", "800", "-o", "out/report.pdf"}, 2,
			"deck render: --width and --sheet need --format png\n"},
		{"a folder where a picture goes stops all of them", []string{"--format", "png", "--width", "200", "-o", "out"}, 1,
			"deck render: cannot write out/05.png: it is not a file\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.MkdirAll("out/05.png", 0o755); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"render"}, c.args...), &stdout, &stderr)
			if code != c.code || stderr.String() != c.stderr {
				t.Errorf("exit %d, standard error:\n%s\nwant exit %d and:\n%s", code, stderr.String(), c.code, c.stderr)
			}
			if got := names(t, "out"); !slices.Equal(got, []string{"05.png"}) {
				t.Errorf("the folder holds %v, want only the folder 05.png that was there", got)
			}
		})
	}
}

// names lists a folder, hidden files included.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// pngSize returns the size of a PNG file's picture.
func pngSize(t *testing.T, file string) image.Point {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return image.Pt(cfg.Width, cfg.Height)
}
