"""One typed settings object, read once from the environment and `.env`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import ConfigError


def default_data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/salescoach)."""
    from platformdirs import user_data_path

    return user_data_path("salescoach", appauthor=False)


class Settings(BaseSettings):
    """Everything configurable. Secrets are SecretStr so they never print or log."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    # Store
    data_dir: Path = Field(default_factory=default_data_dir, alias="SALESCOACH_DATA_DIR")
    default_lang: Literal["sv", "en"] = Field("sv", alias="SALESCOACH_LANG")

    # Engine
    engine: Literal["auto", "offline", "llm"] = Field("auto", alias="SALESCOACH_ENGINE")
    openai_api_key: SecretStr | None = Field(None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(None, alias="OPENAI_BASE_URL")
    customer_model: str = Field("gpt-4o-mini", alias="SALESCOACH_CUSTOMER_MODEL")
    judge_model: str = Field("gpt-4o-mini", alias="SALESCOACH_JUDGE_MODEL")
    transcribe_model: str = Field("whisper-1", alias="SALESCOACH_TRANSCRIBE_MODEL")
    llm_timeout: float = Field(20.0, gt=0, alias="SALESCOACH_LLM_TIMEOUT")
    llm_max_retries: int = Field(2, ge=0, le=10, alias="SALESCOACH_LLM_MAX_RETRIES")
    daily_token_budget: int = Field(200_000, ge=0, alias="SALESCOACH_DAILY_TOKEN_BUDGET")

    # Telegram
    telegram_bot_token: SecretStr | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field(
        "https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL"
    )
    webhook_secret: SecretStr | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    admin_user_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, alias="ADMIN_USER_IDS"
    )

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @property
    def use_llm(self) -> bool:
        """Whether the LLM engine is selected (explicitly, or by `auto` with a key or URL)."""
        if self.engine == "auto":
            return bool(self.openai_api_key or self.openai_base_url)
        return self.engine == "llm"


def load_settings(**overrides: object) -> Settings:
    """Read settings once; a bad value is reported with the variable name and the fix.

    The `.env` file is read from the working directory, or from `SALESCOACH_ENV_FILE`
    (set it to an empty string to read none).
    """
    env_file = os.environ.get("SALESCOACH_ENV_FILE", ".env") or None
    try:
        return Settings(_env_file=env_file, **overrides)  # type: ignore[arg-type, call-arg]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "?"
            problems.append(f"  {name}: {err['msg']}")
        raise ConfigError(
            "Invalid settings (check your environment or .env file):\n" + "\n".join(problems)
        ) from None
