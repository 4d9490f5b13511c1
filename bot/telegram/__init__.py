"""The Telegram bot: `app.build_application(settings)` builds it, `salescoach serve` runs it."""
