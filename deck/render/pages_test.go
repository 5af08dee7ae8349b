package render_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/deckpdf/deck/deck/render"
)

func TestParsePagesReadsASelection(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     render.PageSet
	}{
		{"one page is a range of one", "3", render.PageSet{{3, 3}}},
		{"ranges and pages mix", "2-4,8", render.PageSet{{2, 4}, {8, 8}}},
		{"spaces around the parts are allowed", " 1 , 5 - 6 ", render.PageSet{{1, 1}, {5, 6}}},
		{"a range of one page is a page", "7-7", render.PageSet{{7, 7}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := render.ParsePages(c.in)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("ParsePages(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
		})
	}
}

func TestParsePagesNamesTheBadPart(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"nothing is an error", "", `render: pages "": no page given`},
		{"a word is not a page", "2-x", `render: pages "2-x": part 1 "2-x": "x" is not a page number (pages are numbered from 1)`},
		{"pages start at 1", "0,2", `render: pages "0,2": part 1 "0": "0" is not a page number (pages are numbered from 1)`},
		{"a range runs forwards", "1,4-2", `render: pages "1,4-2": part 2 "4-2": runs backwards`},
		{"an empty part is an error", "2,,3", `render: pages "2,,3": part 2 "": is empty`},
		{"a negative number is not a page", "-3", `render: pages "-3": part 1 "-3": "" is not a page number (pages are numbered from 1)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := render.ParsePages(c.in)
			if err == nil || err.Error() != c.want {
				t.Errorf("ParsePages(%q) error = %v\nwant %s", c.in, err, c.want)
			}
		})
	}
}

func TestSelectPicksPagesInTheDecksOrder(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		n    int
		want []int
	}{
		{"every page when none is selected", "", 3, []int{0, 1, 2}},
		{"ranges in any order come out in order, each once", "4-5,1,2-4", 9, []int{0, 1, 2, 3, 4}},
		{"the last page can be selected", "9", 9, []int{8}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var set render.PageSet
			if c.in != "" {
				var err error
				if set, err = render.ParsePages(c.in); err != nil {
					t.Fatal(err)
				}
			}
			got, err := set.Select(c.n)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("Select(%d) = %v, %v; want %v", c.n, got, err, c.want)
			}
		})
	}
	t.Run("a page beyond the last is a NoPageError", func(t *testing.T) {
		set, _ := render.ParsePages("2-4,12-13")
		_, err := set.Select(9)
		var np *render.NoPageError
		if !errors.As(err, &np) || err.Error() != `render: pages "2-4,12-13": page 12 does not exist: the deck has 9 pages` {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("a range that runs past the end names the first page missing", func(t *testing.T) {
		set, _ := render.ParsePages("8-11")
		if _, err := set.Select(9); err == nil || err.Error() != `render: pages "8-11": page 10 does not exist: the deck has 9 pages` {
			t.Errorf("error = %v", err)
		}
	})
}

func TestPageSetStringReadsBack(t *testing.T) {
	for _, in := range []string{"3", "2-4,8", "1,3-9,12"} {
		t.Run(in+" prints as it reads", func(t *testing.T) {
			set, err := render.ParsePages(in)
			if err != nil || set.String() != in {
				t.Errorf("ParsePages(%q).String() = %q, %v", in, set.String(), err)
			}
		})
	}
}
