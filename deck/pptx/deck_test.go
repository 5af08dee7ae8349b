package pptx_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/deckpdf/deck/deck/render"
)

// renderPPTX renders a deck of the given files as a presentation.
func renderPPTX(t *testing.T, files fstest.MapFS) map[string][]byte {
	t.Helper()
	var b bytes.Buffer
	res, err := render.Render(context.Background(), render.FS(files, "deck.yaml"), &b, render.Options{Format: render.PPTX})
	if err != nil {
		t.Fatalf("%v %v", err, res.Diagnostics)
	}
	parts, _ := unzip(t, b.Bytes())
	return parts
}

func TestADecksSpeakerNotesAndFallbackFont(t *testing.T) {
	files := fstest.MapFS{
		"deck.yaml": {Data: []byte("title: t\ntheme: th.yaml\nslides:\n  - title: 第一页\n    speaker_notes: |\n      先讲背景。\n      再讲结论。\n  - title: 第二页\n")},
		"th.yaml":   {Data: []byte("pptx_fallback_font: 微软雅黑\n")},
	}
	parts := renderPPTX(t, files)
	t.Run("a slide's speaker_notes are its notes page, a paragraph a line", func(t *testing.T) {
		n := readSlide(t, parts["ppt/notesSlides/notesSlide1.xml"])
		if !slices.Equal(n.lines, []string{"先讲背景。", "再讲结论。"}) {
			t.Errorf("the notes are %q", n.lines)
		}
		if _, ok := parts["ppt/notesSlides/notesSlide2.xml"]; ok {
			t.Error("the slide without notes has a notes page")
		}
	})
	t.Run("the notes are not on the slide", func(t *testing.T) {
		if s := string(parts["ppt/slides/slide1.xml"]); strings.Contains(s, "先讲背景") {
			t.Error("slide 1 shows its speaker notes")
		}
	})
	t.Run("the text is set in the theme's fallback font", func(t *testing.T) {
		s := string(parts["ppt/slides/slide1.xml"])
		if !strings.Contains(s, `<a:latin typeface="微软雅黑"></a:latin><a:ea typeface="微软雅黑"></a:ea>`) || strings.Contains(s, "Noto Sans SC") {
			t.Error("slide 1's runs are not set in 微软雅黑")
		}
	})
	t.Run("a fallback font embeds no font", func(t *testing.T) {
		if fontNames(parts) != nil || strings.Contains(string(parts["ppt/presentation.xml"]), "embeddedFont") {
			t.Errorf("the file embeds %q", fontNames(parts))
		}
	})
	files = fstest.MapFS{"deck.yaml": {Data: []byte("title: t\nslides:\n  - title: 第一页\n")}}
	parts = renderPPTX(t, files)
	t.Run("without a fallback font the text is set in the fonts' family", func(t *testing.T) {
		if s := string(parts["ppt/slides/slide1.xml"]); !strings.Contains(s, `<a:ea typeface="Noto Sans SC">`) {
			t.Error("slide 1's runs are not set in Noto Sans SC")
		}
	})
	t.Run("without a fallback font the bold face is embedded, the regular one drawing nothing", func(t *testing.T) {
		if got := fontNames(parts); !slices.Equal(got, []string{"ppt/fonts/font1.fntdata"}) {
			t.Errorf("the file embeds %q", got)
		}
	})
}

// fontNames returns the names of a package's font parts, sorted.
func fontNames(parts map[string][]byte) []string {
	var out []string
	for n := range parts {
		if strings.HasPrefix(n, "ppt/fonts/") {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}
