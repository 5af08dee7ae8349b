package layout

import (
	"bytes"
	"image/png"
)

// pngAspect returns the width of a PNG image divided by its height.
func pngAspect(data []byte) (float64, bool) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Height == 0 {
		return 0, false
	}
	return float64(cfg.Width) / float64(cfg.Height), true
}
