"""Waiting for the customer: "let me know", "hör av dig", "let it mature". Swedish and English together."""

from __future__ import annotations

from bot.core.offline_judge.patterns import rx

#: Waiting for the customer: "let me know", "hör av dig", "let it mature".
PASSIVE = rx(
    r"let me know",
    r"lmk",
    r"give me a (?:shout|call|ring|buzz)",
    r"shout if",
    r"feel free to",
    r"don't hesitate",
    r"(?:get|come) back to me",
    r"reach out (?:if|when|whenever|anytime|any time)",
    r"whenever you(?:'re| are)? (?:ready|like|want|need)",
    r"when you(?:'re| are) ready",
    r"(?:i'll|i will) wait",
    r"wait (?:to|for) (?:hear|you)",
    r"hear from you",
    r"you know where (?:to find|i am)",
    r"you(?:'ve)? got my (?:number|details|email)",
    r"you have my (?:number|details)",
    r"ball is in your court",
    r"up to you",
    r"if (?:anything|something) changes",
    r"if you change your mind",
    r"talk (?:after|later|soon|then)",
    r"keep (?:me|us) (?:in mind|posted)",
    r"(?:any|if you have (?:any )?)questions",
    r"if (?:you )?need (?:anything|help|me)",
    r"i'm here if",
    r"sorry (?:to|for) bother\w*",
    r"ping me",
    r"hojta",
    r"pinga",
    r"shout when",
    r"leave it with you",
    r"over to you",
    r"i'll let you (?:think|mull|consider|decide|have a think)",
    r"i'm (?:here|around) (?:if|when|whenever)",
    r"(?:jag )?låter (?:dig|er) (?:fundera|tänka|bestämma|smälta)",
    r"lämnar (?:det|bollen) (?:till|hos) (?:dig|er)",
    r"(?:jag )?finns här (?:om|när)",
    r"i lugn och ro",
    r"hör (?:gärna )?av (?:dig|er)",
    r"återkom\b",
    r"(?:du |ni )?säg(?:er)? (?:bara )?till",
    r"tveka inte",
    r"när (?:ni|du) (?:är|känner (?:er|dig)) redo",
    r"i (?:din|er) takt",
    r"jag väntar",
    r"väntar på (?:ditt|ert|besked)",
    r"du vet var (?:jag finns|du hittar mig)",
    r"(?:du|ni) har mitt (?:nummer|mejl|mail)",
    r"bollen ligger hos",
    r"upp till (?:dig|er)",
    r"om något (?:ändras|förändras)",
    r"om (?:du|ni) ändrar (?:dig|er)",
    r"vi hörs(?!\s+(?:på|i|imorgon|om|kl|nästa))",
    r"hörs (?:då|sen|snart)",
    r"(?:speak|talk) (?:then|soon|later)",
    r"hörs vi",
    r"om (?:du|ni) har (?:några |fler )?frågor",
    r"om (?:du|ni) behöver (?:hjälp|något|nåt)",
    r"(?:förlåt|ursäkta) att jag stör\w*",
    r"vill (?:inte|inte heller) störa",
    r"lycka till",
    r"have a (?:great|nice|good|lovely) (?:summer|day|weekend|one)",
    r"trevlig (?:sommar|helg|dag)",
)

#: The article's sin in so many words: letting the deal "mature".
MATURE = rx(
    r"let (?:it|this|things|the deal) (?:mature|sit|settle|breathe|rest)",
    r"låt(?:a|er)? (?:det|affären|saken) (?:mogna|vila|ligga)",
    r"(?:we'll|we will) see(?=\s*(?:[.!,]|$|later|then|how it goes|what happens))",
    r"vi får se(?=\s*(?:[.!,]|$|sen|hur det blir|vad som händer))",
)

#: Reassurance ("no pressure", "ingen stress"): passive only when nothing else is offered.
REASSURE = rx(
    r"no (?:rush|pressure|stress|hurry|worries)",
    r"take your time",
    r"ta (?:den )?tid (?:du|ni) behöver",
    r"ingen (?:brådska|stress|press)",
    r"inga problem",
)
