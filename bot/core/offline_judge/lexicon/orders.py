"""Weaker need questions, order-taking questions and reflecting back. Swedish and English together."""

from __future__ import annotations

from bot.core.offline_judge.patterns import rx

#: A wh-question about something of theirs ("what's the schedule like on your sites?").
NEED_YOURS = rx(
    r"(?:your|yours|ur|er|ert|era|din|ditt|dina)",
    r"(?:on|at|in) your \w+",
    r"what's (?:\w+ ){1,4}like",
    r"(?:you|ya|u|du|ni|dig|dej)",
    r"how's (?:\w+ ){1,3}(?:going|working)",
)

#: Inside a question: a weaker but still relevant question about the customer's world.
NEED_WEAK = rx(
    r"decide",
    r"decision",
    r"beslut\w*",
    r"bestämm\w*",
    r"compar\w*",
    r"jämför\w*",
    r"switch\w*",
    r"byt(?:a|er)",
    r"change",
    r"useful",
    r"anything you'd",
    r"how long",
    r"plan(?:s|ned|ning)?",
    r"or (?:are|is|do|did|have|has|were|was) (?:\w+ )?(?:you|it|that|they|there|some|any|part|more|less)",  # "is it X, or are you Y"
    r"hur länge",
    r"how often",
    r"hur ofta",
    r"what are you",
    r"vad har (?:ni|du)",
    r"how is it",
    r"hur är det",
    r"how does it",
    r"hur funkar",
    r"special",
    r"setup",
    r"run it with",
    r"for work",
    r"till jobbet",
    r"användbar\w*",
    r"kapitel",
    r"chapter",
    r"(?:for|to) (?:you|your)",
    r"(?:åt|för|hos) (?:er|dig)",
)

#: Order-taking questions: quantity, size, deadline, budget.
LOGISTICS = rx(
    r"how many (?:do you|would you|should i|will you|shall i|units|pieces|boxes|of them|are we|were you)",
    r"how much (?:do|would|will)",
    r"quantit\w*",
    r"what size",
    r"which size",
    r"colou?rs?",
    r"when do you need",
    r"by when",
    r"deadline",
    r"delivery address",
    r"budget",
    r"which model",
    r"anything else",
    r"what would you like",
    r"what can i get",
    r"what time",
    r"how long (?:are|will) you (?:be )?(?:in|at|there|around)",
    r"hur länge (?:är|blir) (?:du|ni) kvar",
    r"what do you want",
    r"hur många (?:behöver|vill|ska jag|ska ni|ska du|st|styck|blir det)",
    r"hur mycket (?:behöver|vill)",
    r"antal\w*",
    r"storlek\w*",
    r"färg\w*",
    r"när behöver",
    r"senast när",
    r"leveransadress\w*",
    r"vilken modell",
    r"något (?:mer|annat)",
    r"nåt (?:mer|annat)",
    r"vad får det vara",
    r"vad vill (?:du|ni) ha",
    r"vad önskar",
    r"which one",
    r"vilken (?:av dem|ska du ha)",
    r"(?:e-?mail|address|phone number|adress|telefonnummer|mejladress|mailadress)",
)

#: Restating what the customer said: a sign of listening.
REFLECT = rx(
    r"if i understand",
    r"so what you're saying",
    r"sounds like (?:you|the|it's|it is)",
    r"it sounds like",
    r"so you're",
    r"(?:you|u) (?:bought|ordered|got|had|mentioned|said|told me)",
    r"last (?:time|year) (?:you|u)",
    r"your usual",
    r"(?:you|du|ni) (?:usually|always|normally|brukar|alltid)",
    r"(?:din|ditt|dina|er|ert|era) vanliga",
    r"(?:du|ni) (?:köpte|beställde|hade|nämnde|sa)",
    r"förra gången",
    r"som vanligt",
    r"i (?:våras|höstas|somras|vintras)",
    r"om jag förstår (?:dig|er) rätt",
    r"så det du säger",
    r"det låter som (?:att|om)",
    r"så ni (?:vill|behöver|menar)",
)
