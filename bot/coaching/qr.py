"""QR code images of join links, for the projector in a workshop room."""

from __future__ import annotations

import io


def qr_png(text: str, *, box_size: int = 12, border: int = 3) -> bytes:
    """A PNG of a QR code holding `text` (large modules, so it scans from the back row)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white")
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()
