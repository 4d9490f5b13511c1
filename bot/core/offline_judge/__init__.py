"""The offline judge: learned heads on sentence embeddings, rules as guards; deterministic."""

from bot.core.offline_judge.judge import OfflineJudge

__all__ = ["OfflineJudge"]
