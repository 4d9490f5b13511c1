"""Whether a sentence asks the customer something: wh-words, prompts, and what only looks like a question."""

from __future__ import annotations

from bot.core.offline_judge.patterns import compile_folded

WH = compile_folded(
    r"(?<!\w)(?:what|why|how|which|who|where|whats|hows|vad|varför|hur|vilk\w*|vem|var|tell|berätta)(?!\w)"
)
PROMPT = compile_folded(
    r"(?<!\w)(?:tell me|help me understand|(?:like|love) to (?:understand|hear|know)|curious|berätta|hjälp mig"
    r"(?: att)? förstå|(?:gärna|vilja) (?:förstå|höra|veta)|vill (?:jag|vi) (?:gärna )?(?:förstå|veta|höra)"
    r"|(?:jag|vi) vill (?:gärna )?(?:förstå|veta|höra)|(?:ställa|ställt|ask|asked) (?:\w+ ){0,2}(?:frågor|questions)"
    r"|i'?d (?:rather|like to|love to) (?:know|understand|hear)|want to understand|nyfiken"
    r"|(?:walk|talk|take|run) me through|fill me in|paint me a picture|give me a (?:sense|feel|picture)"
    r"|give me (?:\w+ ){0,3}?(?:on|about) (?:how|what|why|where|who|when)|(?:mind|do you mind) if i ask"
    r"|(?:hear|learn|understand) (?:how|what|why) (?:things|it|business|trade|the \w+|your \w+) (?:is|are|'s)"
    r"|important (?:for me |to me )?to understand|viktigt (?:för mig )?att förstå"
    r"|i (?:was |am |'m )?wonder(?:ed|ing)? (?:how|what|if|whether|why|who)|(?:jag )?undr(?:ar|ade) (?:hur|vad|om"
    r"|varför|vem))(?!\w)",
)
#: "När servade vi den senast?", "when did you last ...": when-questions about the past ask about them.
WHEN_PAST = compile_folded(
    r"(?<!\w)(?:when|när)\s+(?:did|was|were|had|has|have|var|hade|har|\w+(?:ade|de|te|dde))(?!\w)"
    r"|(?<!\w)(?:when|när)\s(?:\w+\s){0,5}(?:last|senast)(?!\w)"
)
#: Questions that ask nothing: greetings and rhetorical tags ("..., va?", "..., right?").
NOT_ASKING = compile_folded(
    r"(?:^\W*(?:how are you|how's it going|hur mår du|hur är läget|läget)\W*$"
    r"|(?<!\w)(?:va|eller hur|right|huh)\s*\?+\s*$"
    r"|^\W*(?:(?:sorry|pardon|förlåt|ursäkta|eh|oh|sa|said)\W+){0,2}(?:what|vad|va|huh|eh|vadå)\W*$"
    # Exclamations, not questions: "Vad tråkigt, jag förstår", "what a shame".
    r"|^\W*(?:vad|what an?|how) (?:\w+ )?(?:tråkig\w*|synd|bra|roligt|kul|skönt|jobbigt|trist|härligt|fint"
    r"|dumt|shame|pity|great|nice|awful|terrible|annoying|frustrating|lovely)(?!\w)(?![^?]*\?))"
)
