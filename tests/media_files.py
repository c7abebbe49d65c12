"""Pictures and videos for the media tests, made at test time (the project commits none: a
picture of unknown licence must never be published, free-exercise-db's among them)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageFilter

from .corpus import VIDEO_HEADERS

ALT = {
    "photo": "Standing facing a wall, hands on it at chest height, the rear leg straight and its"
    " heel flat on the floor",
    "line-art": "The rear leg's line from heel to hip, straight and slanted toward the wall",
    "illustration": "The back calf lengthening as the body leans into the wall",
    "video": "Leaning into the wall and easing back out, the rear heel staying on the floor",
}


def photo_like(width: int, height: int, seed: int = 0) -> Image.Image:
    """A picture with a photograph's statistics: smooth light across it, and detail at every
    scale (noise made at a third and a ninth of the size too survives the scaling down that a
    full-size grain alone would average away, as a photo's texture does)."""
    light = Image.radial_gradient("L").resize((width, height))
    slope = Image.linear_gradient("L").resize((width, height))

    def grain(scale: int, sigma: int) -> Image.Image:
        size = (max(1, width // scale), max(1, height // scale))
        return Image.effect_noise(size, sigma).resize((width, height), Image.Resampling.BICUBIC)

    texture = Image.blend(Image.blend(grain(1, 30 + seed), grain(3, 60), 0.5), grain(9, 80), 0.4)
    red = Image.blend(light, texture, 0.45)
    green = Image.blend(slope, texture.filter(ImageFilter.GaussianBlur(1)), 0.4)
    blue = Image.blend(light.transpose(Image.Transpose.FLIP_LEFT_RIGHT), texture, 0.35)
    return Image.merge("RGB", (red, green, blue))


def line_art(width: int, height: int) -> Image.Image:
    image = Image.new("L", (width, height), 255)
    for x in range(0, width, max(1, width // 12)):
        image.paste(0, (x, 0, x + 3, height))
    return image


def illustration(width: int, height: int) -> Image.Image:
    """Flat colour on a transparent ground, as a drawing program exports it."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((200, 90, 30, 255), (width // 4, height // 4, 3 * width // 4, 3 * height // 4))
    return image


MEDIA_YAML = f"""media:
  - kind: photo
    file: setup.jpg
    alt: {ALT["photo"]}
    credit:
      - license: CC-BY-4.0
        author: [Ana Lima]
        source: https://example.org/photos/wall-calf-stretch
    ai_generated: false
  - kind: line-art
    file: drawings/leg-line.png
    alt: {ALT["line-art"]}
    credit:
      - license: CC0-1.0
    ai_generated: false
  - kind: video
    file: lean.webm
    poster: lean-poster.jpg
    alt: {ALT["video"]}
    credit:
      - license: CC0-1.0
    ai_generated: false
  - kind: illustration
    file: calf.png
    alt: {ALT["illustration"]}
    credit:
      - license: CC0-1.0
    ai_generated: true
"""


def add_media(project: Path, video: bytes | None = None) -> Path:
    """Give the project's Heel Press one picture of each kind and a video loop; the folder."""
    folder = project / "content" / "media" / "heel-press"
    (folder / "drawings").mkdir(parents=True)
    photo_like(3000, 2000).save(folder / "setup.jpg", quality=88)
    line_art(1200, 800).save(folder / "drawings" / "leg-line.png")
    illustration(700, 500).save(folder / "calf.png")
    photo_like(640, 480, seed=3).save(folder / "lean-poster.jpg", quality=85)
    (folder / "lean.webm").write_bytes(video or VIDEO_HEADERS["webm"] + bytes(512))
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text(encoding="utf-8") + MEDIA_YAML, encoding="utf-8")
    return folder
