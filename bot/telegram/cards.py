"""Pure renderers from domain objects to Telegram HTML: picker, brief, feedback, report card."""

from __future__ import annotations

from collections.abc import Iterable

from bot import i18n
from bot.core.datafile import Lang
from bot.core.progress import MEDAL_ICON, MEDAL_RANK, Progress
from bot.core.report import EXAM_MIN_REPLIES, ReportCard, enough_replies
from bot.core.rubric import Rubric
from bot.core.scenarios import Scenario
from bot.core.session import Mode, Session, Turn
from bot.core.state import Outcome
from bot.telegram.format import bar, quote
from bot.telegram.texts import Html, esc, label, t, tn


def lines(items: Iterable[str]) -> Html:
    """Join pre-rendered HTML lines."""
    return Html("\n".join(items))


def paragraphs(items: Iterable[str]) -> Html:
    """Join pre-rendered HTML paragraphs, skipping empty ones."""
    return Html("\n\n".join(item for item in items if item))


def level_name(level: int, lang: Lang) -> str:
    """'★★ Medel' for level 2 in Swedish."""
    return label(lang, f"level_{level}")


def mode_name(mode: Mode, lang: Lang) -> str:
    """'Träning' or 'Examen'."""
    return label(lang, f"mode_{mode}")


def outcome_name(outcome: Outcome, lang: Lang) -> str:
    """How the session ended, for people."""
    return label(lang, f"outcome_{outcome.value}")


def focus_names(scenario: Scenario, rubric: Rubric, lang: Lang) -> str:
    """The names of the criteria a scenario trains."""
    return ", ".join(rubric.criterion(cid).name(lang) for cid in scenario.focus)


def picker_text(
    scenarios: Iterable[Scenario], rubric: Rubric, lang: Lang, active: Scenario | None = None
) -> Html:
    """The list of customers to practise on."""
    items = [
        t(lang, "picker_item", title=s.title(lang), focus=focus_names(s, rubric, lang))
        for s in scenarios
    ]
    note = t(lang, "picker_active", title=active.title(lang)) if active else ""
    return paragraphs([t(lang, "picker", items=paragraphs(items)), note])


def brief_text(scenario: Scenario, rubric: Rubric, lang: Lang, mode: Mode) -> Html:
    """One scenario's situation, what it trains and the chosen mode."""
    return t(
        lang,
        "brief",
        title=scenario.title(lang),
        brief=scenario.brief(lang),
        focus=focus_names(scenario, rubric, lang),
        mode=mode_name(mode, lang),
        mode_about=label(lang, f"mode_{mode}_about"),
    )


def persona_name(scenario: Scenario, lang: Lang) -> str:
    """'Eva, inköpschef på Nordbygg'."""
    return scenario.persona.introduce(lang)


def start_text(scenario: Scenario, session: Session) -> Html:
    """The first message of a role-play: the situation and who the rep is talking to."""
    lang = session.lang
    return t(
        lang,
        "session_start",
        title=scenario.title(lang),
        level=level_name(session.level, lang),
        mode=mode_name(session.mode, lang),
        brief=scenario.brief(lang),
        persona=persona_name(scenario, lang),
    )


def customer_text(scenario: Scenario, line: str, lang: Lang) -> Html:
    """One of the customer's lines (escaped: an LLM customer may write anything)."""
    return t(lang, "customer_line", name=scenario.persona.name, line=line)


def feedback_text(turn: Turn, lang: Lang) -> Html:
    """Per-turn feedback in practice mode: score, one tip, a line to try instead."""
    judgement = turn.judgement
    parts = [t(lang, "feedback", score=judgement.overall, bar=bar(judgement.overall, 100))]
    if judgement.feedback:
        parts.append(t(lang, "feedback_tip", tip=judgement.feedback))
    if judgement.try_instead:
        parts.append(t(lang, "feedback_try", text=judgement.try_instead))
    if judgement.note:
        parts.append(t(lang, "feedback_note", note=judgement.note))
    return lines(parts)


def _criterion_line(name: str, score: float | None, lang: Lang) -> Html:
    if score is None:
        return Html(f"{label(lang, 'not_applicable')} {esc(name)}")
    return Html(f"{bar(score)} {esc(name)} <b>{i18n.number(lang, score)}</b>")


def report_text(card: ReportCard, session: Session, scenario: Scenario, rubric: Rubric) -> Html:
    """The report card: outcome, score, per-skill bars, best and weakest reply, advice."""
    lang = session.lang
    verdict = label(lang, "passed" if card.passed else "not_passed")
    head = t(
        lang,
        "report",
        title=scenario.title(lang),
        outcome=outcome_name(card.outcome, lang),
        turns=tn(lang, "replies_count", card.turns),
        overall=card.overall,
        verdict=verdict,
    )
    if not card.turns:
        return paragraphs([head, t(lang, "report_no_turns")])
    skills = lines(
        _criterion_line(rubric.criterion(cid).name(lang), score, lang)
        for cid, score in card.criteria.items()
    )
    short = "" if enough_replies(session) else t(lang, "flow.exam_too_few", n=EXAM_MIN_REPLIES)
    per_turn = ""
    if session.mode == "exam":
        per_turn = t(
            lang,
            "report_turns",
            lines=lines(
                Html(
                    f"{turn.index + 1}. <b>{turn.judgement.overall}</b> – «{quote(turn.reply, 80)}»"
                )
                for turn in session.turns
            ),
        )
    return paragraphs(
        [
            head,
            short,
            t(lang, "report_criteria", lines=skills),
            per_turn,
            t(lang, "report_best", text=quote(card.best.reply)) if card.best else "",
            t(lang, "report_weakest", text=quote(card.weakest.reply)) if card.weakest else "",
            t(lang, "report_advice", lines=lines(f"• {esc(a)}" for a in card.advice))
            if card.advice
            else "",
        ]
    )


def rubric_text(rubric: Rubric, lang: Lang) -> Html:
    """What replies are scored on, with each criterion's weight."""
    items = [
        t(
            lang,
            "rubric_item",
            name=c.name(lang),
            weight=round(c.weight * 100),
            description=c.description(lang),
        )
        for c in rubric.criteria
    ]
    return t(lang, "rubric", pass_line=rubric.pass_line, items=paragraphs(items))


def progress_text(
    progress: Progress, rubric: Rubric, scenarios: dict[str, Scenario], lang: Lang
) -> Html:
    """The short summary under the progress chart, ending with what to train next."""
    change = progress.overall_change
    trend = f" ({change:+d})" if change else ""
    skills = lines(
        _criterion_line(
            rubric.criterion(c.id).name(lang),
            None if c.proficiency is None else c.proficiency / 20,
            lang,
        )
        for c in progress.criteria
    )
    summary = t(
        lang,
        "progress_summary",
        sessions=progress.sessions,
        average=progress.overall if progress.overall is not None else "–",
        latest=progress.last_overall if progress.last_overall is not None else "–",
        trend=trend,
        criteria=skills,
    )
    advice = ""
    rec = progress.recommendation
    if rec and rec.criterion and rec.scenario_id and rec.scenario_id in scenarios:
        advice = t(
            lang,
            "progress_recommend",
            criterion=rubric.criterion(rec.criterion).name(lang),
            title=scenarios[rec.scenario_id].title(lang),
        )
    return paragraphs([summary, standing_text(progress, scenarios, lang), advice])


def standing_text(progress: Progress, scenarios: dict[str, Scenario], lang: Lang) -> Html:
    """The practice streak and the medals won, best first (what the CLI shows too)."""
    days = progress.streak_days
    streak = (
        t(lang, "flow.progress_streak", days=i18n.plural(lang, "common.days", days))
        if days
        else t(lang, "flow.progress_no_streak")
    )
    won = sorted(
        (s for s in progress.scenarios if s.medal and s.scenario_id in scenarios),
        key=lambda s: -MEDAL_RANK[s.medal],
    )
    if not won:
        return streak
    medals = lines(
        t(
            lang,
            "flow.progress_medal",
            medal=MEDAL_ICON[s.medal],
            title=scenarios[s.scenario_id].title(lang),
            best=s.best if s.best is not None else "–",
        )
        for s in won
        if s.medal
    )
    return paragraphs([streak, t(lang, "flow.progress_medals", lines=medals)])
