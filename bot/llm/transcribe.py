"""Voice notes to text through the OpenAI-compatible audio transcription endpoint."""

from __future__ import annotations

from bot.errors import EngineError
from bot.llm.client import LLMClient
from bot.settings import Settings

#: Telegram voice notes are a few seconds to a few minutes; the endpoint accepts up to 25 MB.
MAX_AUDIO_BYTES = 25 * 1024 * 1024


async def transcribe(
    audio: bytes, filename: str, settings: Settings, *, client: LLMClient | None = None
) -> str:
    """The text spoken in `audio` (e.g. `voice.ogg`); EngineError if nothing usable comes back."""
    if not audio:
        raise EngineError("the voice message is empty")
    if len(audio) > MAX_AUDIO_BYTES:
        raise EngineError("the voice message is too long to transcribe (over 25 MB)")
    own = client is None
    client = client or LLMClient(settings)
    try:
        text = await client.transcribe(audio, filename, settings.transcribe_model)
    finally:
        if own:
            await client.close()
    if not text:
        raise EngineError("no speech was recognised in the voice message")
    return text
