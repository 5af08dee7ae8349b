package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/deckpdf/deck/deck/layout"
)

// A PageSet is a selection of pages by number, from 1, as a print dialog
// takes them: "2-4,8". The nil PageSet selects every page.
type PageSet []PageRange

// A PageRange is the pages First to Last, both included.
type PageRange struct{ First, Last int }

// ParsePages reads a selection: page numbers and ranges of them, a-b,
// separated by commas. Its errors name the part that is wrong.
func ParsePages(s string) (PageSet, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("render: pages %q: no page given", s)
	}
	var set PageSet
	for i, part := range strings.Split(s, ",") {
		r, err := parseRange(strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("render: pages %q: part %d %q: %v", s, i+1, part, err)
		}
		set = append(set, r)
	}
	return set, nil
}

// parseRange reads "4" or "2-4".
func parseRange(part string) (PageRange, error) {
	if part == "" {
		return PageRange{}, fmt.Errorf("is empty")
	}
	first, last, isRange := strings.Cut(part, "-")
	a, err := pageNumber(first)
	if err != nil {
		return PageRange{}, err
	}
	if !isRange {
		return PageRange{a, a}, nil
	}
	b, err := pageNumber(last)
	if err != nil {
		return PageRange{}, err
	}
	if b < a {
		return PageRange{}, fmt.Errorf("runs backwards")
	}
	return PageRange{a, b}, nil
}

// pageNumber reads a page number: a whole number from 1.
func pageNumber(s string) (int, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%q is not a page number (pages are numbered from 1)", s)
	}
	return n, nil
}

// String writes the selection as ParsePages reads it; "" for every page.
func (s PageSet) String() string {
	parts := make([]string, len(s))
	for i, r := range s {
		parts[i] = strconv.Itoa(r.First)
		if r.Last != r.First {
			parts[i] += "-" + strconv.Itoa(r.Last)
		}
	}
	return strings.Join(parts, ",")
}

// A NoPageError is a selection that names a page the deck does not have.
type NoPageError struct {
	Set   PageSet
	Page  int // the first page named that does not exist
	Pages int // how many pages the deck has
}

func (e *NoPageError) Error() string {
	return fmt.Sprintf("render: pages %q: page %d does not exist: the deck has %d pages", e.Set.String(), e.Page, e.Pages)
}

// Select returns the indexes (from 0) of the selected pages of a deck of n
// pages, in the deck's order, each once. A page beyond n is a
// *NoPageError.
func (s PageSet) Select(n int) ([]int, error) {
	if s == nil {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out, nil
	}
	picked := make([]bool, n)
	for _, r := range s {
		if r.Last > n {
			return nil, &NoPageError{Set: s, Page: max(r.First, n+1), Pages: n}
		}
		for p := r.First; p <= r.Last; p++ {
			picked[p-1] = true
		}
	}
	var out []int
	for i, ok := range picked {
		if ok {
			out = append(out, i)
		}
	}
	return out, nil
}

// selectPages returns the pages the selection names.
func selectPages(pages []layout.Page, s PageSet) ([]layout.Page, []int, error) {
	idx, err := s.Select(len(pages))
	if err != nil {
		return nil, nil, err
	}
	if s == nil {
		return pages, idx, nil
	}
	out := make([]layout.Page, len(idx))
	for i, k := range idx {
		out[i] = pages[k]
	}
	return out, idx, nil
}
