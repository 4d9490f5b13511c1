"""Phrases for the classic sales failures: price list, caving, passing the blame, waiting."""

from __future__ import annotations

import re

from bot.core.offline_judge.patterns import FLAGS, rx

#: A stated price or amount.
PRICE = re.compile(
    r"(?<!\w)(?:\d[\d\s.,]*\s*(?:kr|kronor|sek|:-|\$|€|£|eur|euros?|usd|dollars?|mkr|msek|tkr|k|m|m\s?kr"
    r"|/st|/mån|/month|/user|/unit|each|apiece|ex(?:kl)?\.?\s*moms|excl\.?\s*vat|excl\w*|per\s+(?:unit|piece|user"
    r"|month|styck|st|användare|månad|år|year))(?!\w)|(?:\$|€|£)\s*\d"
    r"|(?:price|prices|pris|priset|priser|cost|costs|kostar|kostnaden|lowest|lägsta|bästa|best)\s*(?:is|are|är"
    r"|blir|=|:)\s*\d|price ?list\w*|price sheet|prislist\w*|prisblad\w*|prices attached|bifogar pris\w*"
    r"|(?:our|vårt|vår) (?:best|lowest|bästa|lägsta) (?:price|number|offer|pris|bud)|best number|bästa pris"
    r"|(?:prices|priser\w*) (?:are|is|finns|står) (?:on|på)"
    r"|(?:that's|thats|that is|it's|that'll be|det blir|blir det|det kostar|kostar|costs?)\s+[$€£]?\d+"
    r"|pricing(?:'s|\s+is)?\s+(?:on|at)\s+(?:the|our)|(?:står|finns)\s+på\s+(?:hemsidan|webben|sajten))",
    FLAGS,
)

#: Handing over a quote or price without a question.
QUOTE_SEND = rx(
    r"(?:send|sending|email|mail|e-mail|get|have|submit|put together)\w* (?:\w+ ){0,3}?(?:quote|quotation|prices?"
    r"|offer|proposal|contract|price list|number|it over)",
    r"quote is",
    r"have it over",
    r"will submit",
    r"(?:skicka|skickar|mailar|mejlar|lämna|lämnar|sätter ihop)\w* (?:\w+ ){0,3}?(?:offert\w*|pris\w*"
    r"|prislist\w*|avtal\w*|bud\w*|anbud\w*|erbjudande\w*|den|dem)",
    r"offerten (?:kommer|är)",
)

#: Opening with plain compliance: "Sure!", "Absolut, det fixar jag".
COMPLY = re.compile(
    r"^\W*(?:sure(?: thing)?|ok(?:ay)?|of course|absolutely|no problem|np|will do|can do|happy to|yes|yep"
    r"|yeah|gladly|definitely|certainly|understood|got it|noted|done|självklart|absolut|visst|okej|inga problem"
    r"|det fixar jag|fixar det|klart|gärna|javisst|japp|det gör vi|det ska du få|det kan jag göra|vi lämnar)"
    r"(?!\w)",
    FLAGS,
)

#: Caving on price.
DISCOUNT = rx(
    r"discount\w*",
    r"\d+\s*% off",
    r"(?:knock|take)\w* (?:\d+\s*%? )?off",
    r"(?:lower|drop|cut|reduce|beat|shave)\w* (?:the |our |my |their |that )?(?:price|rate)",
    r"(?:we|i) (?:can|could|will|'ll) (?:\w+ )?match",
    r"match (?:that|it|them|their|the price|your (?:price|offer|quote))",
    r"price[- ]match\w*",
    r"special (?:price|deal|offer|rate)",
    r"(?:offer|give|do|include|throw in|add|get you|waive)\w* (?:you )?(?:\w+ )?(?:free|waived) (?:shipping|delivery"
    r"|installation|setup|month)",
    r"free (?:shipping|delivery|installation) (?:on|for) (?:this|your|the|all)",
    r"(?:talk|check|speak) (?:to|with) (?:my|the) (?:manager|boss|director)",
    r"see what i can do (?:on|with|about) (?:the )?price",
    r"(?:get|give|offer|find|make|do) (?:you )?(?:a )?(?:better|sharper|special) (?:deal|price)",
    r"do something (?:on|with|about) (?:the )?price",
    r"(?:come|go) in (?:low|lower|cheap|under)",
    r"sharpen (?:our|my|the) pencil",
    r"wiggle room",
    r"flexib\w* on (?:the )?price",
    r"throw in",
    r"on the house",
    r"(?:go|come) down (?:in price|on (?:the )?price|further|a bit|\d+|to \d+|another)",
    r"cheaper than (?:them|they|the competitor|your)",
    r"sweeten",
    r"(?:can|could|will|'ll) (?:do|give|offer|knock) (?:you )?(?:another|an extra|a further|extra) \d+",
    r"(?:another|an extra|a further|extra) \d+\s*%",
    r"(?:kan|ska) (?:ge|erbjuda|bjuda) (?:dig |er )?(?:ytterligare |extra )?\d+\s*%",
    r"\d+\s*% (?:till|extra|ytterligare)",
    r"\w*rabatt\w*",
    r"(?:sänka|sänker|sänkt|matcha|matchar|slå|slår|kapa|kapar) (?:\w+ )?(?:pris\w*|det|dem|er|\d+)",
    r"(?:gå|går) ner (?:i pris|ytterligare|\d+|lite|mer|på priset)",
    r"(?:special|kampanj|vän)pris\w*",
    r"bjud\w* på",
    r"(?:ge|ger|bjuder|erbjuda|erbjuder|kör|fixar|inkluderar|lägger till)\w* (?:\w+ ){0,2}?(?:fri|gratis) (?:frakt"
    r"|leverans|installation|månad\w*)",
    r"(?:fri|gratis) (?:frakt|leverans|installation) (?:på|för) (?:den här|denna|er|din|hela)",
    r"(?:prata|kolla|stämma av|snacka) med (?:min )?(?:chef|chefen|ledningen|säljchef\w*)",
    r"trixa (?:lite )?med priset",
    r"se vad jag kan göra (?:med|på|åt) priset",
    r"(?:bättre|vassare|skarpare) (?:pris|erbjudande)",
    r"vässa\w* (?:priset|pennan)",
    r"kommer in (?:lågt|lägre|billigt|under)",
    r"flexib\w* (?:på|med) priset",
    r"göra något (?:med|åt) priset",
    r"prisavdrag\w*",
    r"nedsatt\w*",
    r"billigare än (?:dem|dom|de|konkurrenten|dom andra)",
    r"\d+\s*% (?:billigare|lägre|av|på|rabatt)",
    r"kampanj\w*",
    r"(?:vi har|det är|just nu) (?:en |ett )?(?:\w+ )?(?:rea\w*|erbjudande)",
    r"(?:we have|we've got|there's) (?:a |an )?(?:\w+ )?(?:promo\w*|sale|campaign)",
)

#: Refusing to cave: the discount words that follow are not an offer.
REFUSAL = re.compile(
    r"(?:can['’]?t|cannot|can not|won['’]?t|will not|not going to|rather not|no|not|isn['’]?t|kan (?:jag|vi) inte|inte"
    r"|ingen|aldrig|never)\W+(?:\w+\W+){0,3}$",
    FLAGS,
)

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
    r"vi hörs(?: senare| efter| framöver| sen)?",
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
