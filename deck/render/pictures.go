package render

import (
	"bytes"
	"context"
	"image"
	"runtime"
	"sync"
	"time"

	"github.com/deckpdf/deck/deck/layout"
	"github.com/deckpdf/deck/deck/raster"
)

// PictureOptions are how Pictures draws. The zero value draws each page
// as a picture 1920 pixels wide.
type PictureOptions struct {
	// Width is a picture's width in pixels; 0 is raster.DefaultWidth.
	Width int
	// Sheet draws every selected page small on one picture, a contact
	// sheet Width pixels wide, each with its number.
	Sheet bool
}

// A Picture is a PNG file of one page, or of a contact sheet.
type Picture struct {
	// Page is the page's number in the deck, from 1; 0 for a sheet.
	Page int
	// Width and Height are the picture's size in pixels.
	Width, Height int
	// PNG holds the file's bytes.
	PNG []byte
}

// Pictures renders the pages that opt.Pages selects (every page by
// default) as PNG pictures, drawn by package raster from the same pages as
// the PDF, in the deck's order. As with Render, a deck with errors gives
// ErrInvalid with the diagnostics in the Result, and a selection naming a
// page the deck lacks gives a *NoPageError; then there are no pictures.
// The Result's Bytes is the PNG files' total size; its Fingerprints,
// SlideIDs and, with opt.Previous, Changed are filled as by Render.
func Pictures(ctx context.Context, src Source, opt Options, po PictureOptions) ([]Picture, *Result, error) {
	d, err := Build(ctx, src, opt)
	if err != nil {
		return nil, nil, err
	}
	res := &d.Result
	if !d.OK() {
		return nil, res, ErrInvalid
	}
	d.fingerprint(opt.Previous)
	pics, err := d.Pictures(ctx, opt.Pages, po)
	if err != nil {
		return nil, res, err
	}
	res.Bytes = 0
	for _, p := range pics {
		res.Bytes += len(p.PNG)
	}
	return pics, res, nil
}

// Pictures draws the pages the selection names (nil for all) of the built
// deck as PNG pictures, as the function Pictures does; a document with
// errors gives ErrInvalid.
func (d *Document) Pictures(ctx context.Context, sel PageSet, po PictureOptions) ([]Picture, error) {
	if !d.OK() {
		return nil, ErrInvalid
	}
	pages, idx, err := selectPages(d.Pages, sel)
	if err != nil {
		return nil, err
	}
	clock := d.clock
	clock.last = time.Now()
	var pics []Picture
	if po.Sheet {
		thumbs := make([]raster.Thumb, len(pages))
		for i := range pages {
			thumbs[i] = raster.Thumb{Page: &pages[i], Number: idx[i] + 1}
		}
		img, err := raster.Sheet(thumbs, d.Fonts, raster.Options{Width: po.Width})
		if err != nil {
			return nil, err
		}
		pic, err := encode(0, img)
		if err != nil {
			return nil, err
		}
		pics = []Picture{pic}
	} else if pics, err = drawPages(ctx, pages, idx, raster.Options{Width: po.Width}); err != nil {
		return nil, err
	}
	clock.lap(&d.Result.Timings, "pictures")
	return pics, ctx.Err()
}

// drawPages draws and encodes the pages, as many at once as there are
// processors; idx are their indexes in the deck.
func drawPages(ctx context.Context, pages []layout.Page, idx []int, o raster.Options) ([]Picture, error) {
	pics := make([]Picture, len(pages))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Go(func() {
			for i := range next {
				img, err := raster.Draw(&pages[i], o)
				if err == nil {
					pics[i], err = encode(idx[i]+1, img)
				}
				errs[i] = err
			}
		})
	}
	for i := range pages {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range append(errs, ctx.Err()) {
		if err != nil {
			return nil, err
		}
	}
	return pics, nil
}

// encode makes a Picture of page number n.
func encode(n int, img *image.RGBA) (Picture, error) {
	var b bytes.Buffer
	if err := raster.Encode(&b, img); err != nil {
		return Picture{}, err
	}
	return Picture{Page: n, Width: img.Bounds().Dx(), Height: img.Bounds().Dy(), PNG: b.Bytes()}, nil
}
