package pdf_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

func tinyPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 320, 180))
	for x := 0; x < 320; x++ {
		for y := 0; y < 180; y++ {
			img.Set(x, y, color.RGBA{uint8(x % 256), uint8(y), 160, 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
