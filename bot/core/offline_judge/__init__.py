"""The offline judge: scores rep replies with bilingual lexicons, deterministic and fast."""

from bot.core.offline_judge.judge import OfflineJudge

__all__ = ["OfflineJudge"]
