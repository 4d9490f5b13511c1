"""The leaderboard of a workshop round: one message per round, edited as results come in."""

from __future__ import annotations

import asyncio
import contextlib

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.coaching import rounds
from bot.coaching.records import ROUNDS, Records
from bot.core.datafile import Lang
from bot.telegram.coach_common import call, records
from bot.telegram.coach_texts import ct
from bot.telegram.context import Context
from bot.telegram.texts import Html

BOARDS = "round_boards"  # round id -> the leaderboard message (chat_id, message_id, lang)
#: Results arriving within this many seconds share one edit (Telegram limits edits per chat).
BOARD_DEBOUNCE = 0.5
BOARD_LINES = 40


def board_text(lang: Lang, title: str, rnd: rounds.Round, board: list[rounds.Entry]) -> Html:
    """The leaderboard: best first, aliases when names are hidden."""
    lines = [
        ct(lang, "board_title", scenario=title, finished=len(board), total=len(rnd.participants))
    ]
    lines += [board_line(lang, e, rnd.hide_names) for e in board[:BOARD_LINES]]
    return Html("\n".join(lines))


def board_line(lang: Lang, entry: rounds.Entry, hide_names: bool) -> Html:
    """One place on the leaderboard: rank, name (or alias), score, and a tick if passed."""
    passed = " ✅" if entry.passed else ""
    name = entry.label(hide_names)
    return ct(lang, "board_line", rank=entry.rank, name=name, score=entry.overall, passed=passed)


class RoundWatch:
    """Notices finished sessions of round participants (after the role-play handlers ran)
    and keeps each round's leaderboard message up to date."""

    def __init__(self) -> None:
        self.watched: set[str] | None = None  # participants of open rounds; None: not loaded
        self.pending: set[str] = set()
        self.tasks: set[asyncio.Task[None]] = set()  # kept so they are not garbage-collected

    def forget(self) -> None:
        """Reload the participants on the next update (a round started or ended)."""
        self.watched = None

    async def after_update(self, update: Update, context: Context) -> None:
        """Count the sender's newly finished session in their open rounds."""
        user = update.effective_user
        if user is None:
            return
        data = records(context)
        if self.watched is None:
            docs = await call(data.find, ROUNDS, ended_at=None)
            self.watched = {uid for d in docs for uid in d["participants"]}
        if str(user.id) not in self.watched:
            return
        latest = await context.services.store.sessions(str(user.id), limit=1)
        if not latest or not latest[0].finished:
            return
        session = await context.services.store.load_session(latest[0].id)
        for rnd in await call(
            rounds.record_session, data, session, context.services.practice.rubric
        ):
            if rnd.id not in self.pending:
                self.pending.add(rnd.id)
                task = asyncio.get_running_loop().create_task(self.refresh(context, rnd.id))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)

    async def refresh(self, context: Context, round_id: str) -> None:
        """Edit the leaderboard message once the burst of results has settled."""
        await asyncio.sleep(BOARD_DEBOUNCE)
        self.pending.discard(round_id)
        await show_board(context, records(context), round_id)


async def show_board(context: Context, data: Records, round_id: str) -> None:
    """Edit the round's leaderboard message to the current standings."""
    where = await call(data.get, BOARDS, round_id)
    doc = await call(data.get, ROUNDS, round_id)
    if where is None or doc is None:
        return
    rnd = rounds.Round.from_dict(doc)
    lang: Lang = "en" if where.get("lang") == "en" else "sv"
    title = context.services.practice.scenario(rnd.scenario_id).title(lang)
    text = board_text(lang, title, rnd, await call(rounds.leaderboard, data, rnd))
    chat_id, message_id = where["chat_id"], where["message_id"]
    with contextlib.suppress(TelegramError):  # "message is not modified" and friends
        await context.bot.edit_message_text(text, chat_id, message_id, parse_mode=ParseMode.HTML)
