"""One typed settings object, read once from the environment and `.env`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from bot.errors import ConfigError

if TYPE_CHECKING:
    from bot.store import Store


def default_data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/salescoach)."""
    from platformdirs import user_data_path

    return user_data_path("salescoach", appauthor=False)


class Settings(BaseModel):
    """Everything configurable, by environment variable name. Secrets never print or log.

    (A plain pydantic model fed by `load_settings`, not pydantic-settings: that import alone
    cost 130 ms of `salescoach chat` start-up.)
    """

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    # Store
    data_dir: Path = Field(default_factory=default_data_dir, alias="SALESCOACH_DATA_DIR")
    default_lang: Literal["sv", "en"] = Field("sv", alias="SALESCOACH_LANG")
    timezone: str = Field("Europe/Stockholm", alias="SALESCOACH_TIMEZONE")
    lock_wait: float = Field(10.0, ge=0, alias="SALESCOACH_LOCK_WAIT")

    # Engine
    engine: Literal["auto", "offline", "llm"] = Field("auto", alias="SALESCOACH_ENGINE")
    openai_api_key: SecretStr | None = Field(None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(None, alias="OPENAI_BASE_URL")
    customer_model: str = Field("gpt-4o-mini", alias="SALESCOACH_CUSTOMER_MODEL")
    judge_model: str = Field("gpt-4o-mini", alias="SALESCOACH_JUDGE_MODEL")
    transcribe_model: str = Field("whisper-1", alias="SALESCOACH_TRANSCRIBE_MODEL")
    llm_timeout: float = Field(20.0, gt=0, alias="SALESCOACH_LLM_TIMEOUT")
    llm_max_retries: int = Field(2, ge=0, le=10, alias="SALESCOACH_LLM_MAX_RETRIES")
    llm_turn_deadline: float = Field(20.0, gt=0, alias="SALESCOACH_LLM_TURN_DEADLINE")
    daily_token_budget: int = Field(200_000, ge=0, alias="SALESCOACH_DAILY_TOKEN_BUDGET")

    # Telegram
    telegram_bot_token: SecretStr | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field(
        "https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL"
    )
    webhook_secret: SecretStr | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    admin_user_ids: list[int] = Field(default_factory=list, alias="ADMIN_USER_IDS")
    # Messages from one rep this many seconds apart are one turn (0: every message is a turn).
    burst_window: float = Field(1.5, ge=0, le=30, alias="SALESCOACH_BURST_WINDOW")

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            message = f"unknown time zone {value!r} (use a name like Europe/Stockholm)"
            raise ValueError(message) from None
        return value

    def store(self, command: str = "salescoach") -> Store:
        """The store in the data folder; `command` is what a refused writer is told holds it."""
        from bot.store import Store

        return Store(self.data_dir, lock_wait=self.lock_wait, command=command)

    def model_post_init(self, context: Any, /) -> None:
        """Every settings object, however built, makes its secrets known to the redactor."""
        from bot.redact import remember

        remember(self.secret_values())

    def secret_values(self) -> list[str]:
        """Every configured secret, for masking: tokens, keys and URL credentials.

        A bot token's part after the colon counts on its own too: errors quote it alone.
        """
        from bot.redact import url_secrets

        values = [
            secret.get_secret_value()
            for secret in (self.openai_api_key, self.telegram_bot_token, self.webhook_secret)
            if secret is not None
        ]
        if self.telegram_bot_token is not None:
            values.append(self.telegram_bot_token.get_secret_value().partition(":")[2])
        return values + url_secrets(self.openai_base_url) + url_secrets(self.telegram_api_base_url)

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
    names = {field.alias for field in Settings.model_fields.values() if field.alias}
    values: dict[str, object] = {}
    env_file = os.environ.get("SALESCOACH_ENV_FILE", ".env")
    if env_file and Path(env_file).is_file():
        from dotenv import dotenv_values

        values.update({k: v for k, v in dotenv_values(env_file).items() if k in names})
    values.update({k: v for k, v in os.environ.items() if k in names})
    # An empty value (`OPENAI_API_KEY=`) means "not set", as in .env.example.
    values = {k: v for k, v in values.items() if v not in ("", None)}
    for key, value in overrides.items():  # overrides may use field names or variable names
        field = Settings.model_fields.get(key)
        values[field.alias if field and field.alias else key] = value
    try:
        settings = Settings.model_validate(values)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "?"
            problems.append(f"  {name}: {err['msg']}")
        raise ConfigError(
            "Invalid settings (check your environment or .env file):\n" + "\n".join(problems)
        ) from None
    # Times are shown in this zone everywhere texts are rendered; one zone per process.
    from bot import i18n

    i18n.use_timezone(settings.timezone)

    return settings
