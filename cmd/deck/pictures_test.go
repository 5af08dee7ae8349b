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

// TestPicturesIntoAFolderSayWhatChangedAndLeaveNoStaleSlides renders into
// one folder again and again: each render says which slides changed since
// the last, as a PDF's does, and removes the page pictures deck wrote
// before and not now, but keeps, with a warning, any it did not write as
// they are.
func TestPicturesIntoAFolderSayWhatChangedAndLeaveNoStaleSlides(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	src := copyDefault(t)
	out := filepath.Join(t.TempDir(), "slides")
	all := []string{"01.png", "02.png", "03.png", "04.png", "05.png", "06.png", "07.png", "08.png", "09.png"}
	for _, step := range []struct {
		name         string
		before       func()
		pages        string
		said, warned string // what is printed after the first line, and to stderr
		files        []string
	}{
		{"a first render says nothing of changes", nil, "", "", "", all},
		{"an edit of slide 3 is named", func() {
			file := filepath.Join(src, "deck.yaml")
			b, _ := os.ReadFile(file)
			os.WriteFile(file, bytes.Replace(b, []byte("title: 为什么要发展云服务？"), []byte("title: 为什么发展云服务？"), 1), 0o644)
		}, "", "slide 3 (why-cloud) changed\n", "", all},
		{"a smaller selection removes the pictures it does not write", nil, "2-4",
			"no slide changed\nremoved 01.png, 05.png, 06.png, 07.png, 08.png, 09.png of the last render, not in this one\n", "", all[1:4]},
		{"pictures deck did not write, or that were changed, are kept with a warning", func() {
			b, _ := os.ReadFile(filepath.Join(out, "02.png"))
			os.WriteFile(filepath.Join(out, "09.png"), b, 0o644)
			os.WriteFile(filepath.Join(out, "03.png"), append(b, 0), 0o644)
		}, "2", "removed 04.png of the last render, not in this one\n",
			"deck render: warning: " + filepath.Join(out, "03.png") + " is not from this render: deck did not write it, or it was changed since (kept)\n" +
				"deck render: warning: " + filepath.Join(out, "09.png") + " is not from this render: deck did not write it, or it was changed since (kept)\n",
			[]string{"02.png", "03.png", "09.png"}},
	} {
		t.Run(step.name, func(t *testing.T) {
			if step.before != nil {
				step.before()
			}
			args := []string{"render", "-c", src, "--format", "png", "--width", "240", "-o", out}
			if step.pages != "" {
				args = append(args, "--pages", step.pages)
			}
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Fatalf("deck render exited %d:\n%s", code, stderr.String())
			}
			if _, said, _ := strings.Cut(stdout.String(), "\n"); said != step.said || stderr.String() != step.warned {
				t.Errorf("said after its line\n%q\nand warned\n%q\nwant\n%q\n%q", said, stderr.String(), step.said, step.warned)
			}
			if got := names(t, out); !slices.Equal(got, step.files) {
				t.Errorf("the folder holds %v, want %v", got, step.files)
			}
		})
	}
}
