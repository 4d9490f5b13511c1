"""Owning a problem: claiming it, acting on it, looking into it, saying sorry. Swedish and English together."""

from __future__ import annotations

from bot.core.offline_judge.patterns import rx

_I_WILL = (
    r"(?:i(?:'ll| will|'m going to| am going to|'m gonna| can| shall|'d like to| want to)|let me|i(?:'m| am) (?:on it|gonna)"
    r"|we(?:'ll| will))"
)

_JAG = r"(?:jag|vi) (?:ska |kommer att |kommer |kan |tänker )?"

#: Claiming the problem: "that's on me", "så får det inte gå till".
OWN = rx(
    r"(?:that's|that is|it's|it is|thats|its|this is|is|are) (?:(?:really|all|entirely|totally) )?(?:on (?:me|us)|my (?:fault|bad|responsibility|mistake)"
    r"|our (?:fault|responsibility|mistake))",
    r"(?:it's|that's) on me now",
    r"my bad",
    r"(?:it's|that's|it is|that is|so it's|now it's) mine",
    r"(?:you're|you are) right,? (?:i|we) (?:said|promised|told you)",
    r"du har rätt,? (?:jag|vi) (?:sa|lovade)",
    r"my fault",
    r"our (?:fault|mistake)",
    r"we (?:messed|screwed|dropped|slipped) (?:up|the ball)",
    r"i(?:'ll| will) take (?:this|it|that) (?:one|on)?",
    r"i take (?:full )?(?:responsibility|ownership)",
    r"(?:i|we)(?:'ll| will)? own (?:this|it|the|that)",
    r"jag äger (?:det här|detta|det|frågan)",
    r"jag (?:skickar|kopplar|slussar) inte (?:vidare )?(?:dig|er)",
    r"(?:stannar|stanna) (?:jag )?kvar (?:med|tills)",
    r"tills det är löst",
    r"(?:i|we)(?:'ll| will)? take (?:full )?(?:ownership|responsibility) (?:of|for)",
    r"leave it (?:with|to) me",
    r"i(?:'m| am) on it",
    r"(?:^|(?<=[.!?]\s))on it(?=[.!,;:-]\s+\w)",  # "On it. The motor leaves ...", not a bare "on it"
    r"(?:not|isn't|is not|shouldn't be|should not be) (?:ok|okay|acceptable|good enough|how it should be)",
    r"that's not (?:ok|okay|acceptable|on)",
    r"(?:that |this )?(?:shouldn't|should not) (?:have )?happen\w*",
    r"unacceptable",
    r"det är (?:mitt|vårt) (?:ansvar|fel)",
    r"det e (?:mitt|vårt) (?:ansvar|fel)",
    r"mitt (?:fel|ansvar)",
    r"vårt (?:fel|ansvar)",
    r"vi har (?:klantat|strulat|missat|gjort fel|slarvat)",
    r"det tar jag(?: på mig)?",
    r"(?:det här|detta) tar jag(?: på mig)?",
    r"jag tar (?:på mig|ansvar\w*|hand om (?:det|detta|saken)|det här)",
    r"(?:så får|så ska) det inte (?:gå till|vara)",
    r"det ska inte (?:vara så|behöva|hända)",
    r"det är inte (?:okej|ok|acceptabelt)",
    r"inte (?:okej|acceptabelt|godkänt)",
    r"oacceptabelt",
    r"(?:inte|not) (?:rimligt|schysst|rättvist|reasonable|fair on you|right)",
    r"lämna det (?:till|åt) mig",
    r"jag är på det",
    r"(?:my|mitt) (?:direct|direkt|own|eget|mobile|mobil)\s?(?:number|line|nummer|linje)",
    r"(?:call|ring|contact) me (?:directly|direct|personally)",
    r"ring mig (?:direkt|personligen)",
    r"(?:not|no|inte|ingen) (?:another|more|en till|fler) (?:transfer|handoff|runaround|överkoppling\w*|vidarekoppling\w*)",
)

#: Doing something concrete about the problem.
OWN_ACT = rx(
    rf"{_I_WILL} (?:\w+ ){{0,3}}?(?:fix|sort|solve|handle|take care|make sure|ensure|drive|bring|deliver"
    r"|come over|come by|drop (?:them|it|by)|reprint|print|replace|refund|correct|rectify|get (?:you|them|it|a new"
    r"|new|\d+)|send (?:you )?(?:a |the )?(?:new|replacement|corrected|fresh)|courier|rush|personally|credit|book)",
    r"(?:i|we)(?:'ll| will) (?:\w+ ){0,8}?(?:myself|ourselves|personally)",
    r"(?:i'll|i will|i can|i could|we can|we'll|we will) have (?:them|it|one|a|an|the \w+|new ones|\w+ new)"
    r" (?:[\w-]+ ){0,2}?(?:at|on|with|to|by|ready|over|in your)",
    # Non-native present for future: "I go now to printer", "I come with them before five".
    r"i (?:go|come|drive|print|reprint|bring|deliver|fix|courier|rush)(?= (?!to work|home|from))",
    r"(?:ny|nya|new|replacement|ersättnings\w*) (?:\w+ )?(?:med|by|via|on a|in a) (?:bud|courier|taxi|express)",
    r"(?:går|skickas|kommer|åker|goes|is going|is coming|comes) (?:\w+ )?(?:med|by|in a) (?:taxi|bud|courier|express)",
    r"(?:^|(?<=[.!?]\s))(?:reprinting|printing|sending|driving|bringing|calling|booking|fixing|sorting|loading)",
    r"(?:i'm not|i won't|i will not) (?:be )?(?:passing|pass|sending|send|transferring|transfer|bouncing|handing|hand"
    r"|bounce) you",
    r"you'll get (?:a|an|the|it|them|new|\d+|your)",
    r"(?:is|are|it's|they're) on (?:its|their|the) way",
    r"(?:är|är redan) på väg",
    r"hos (?:dig|er) (?:kl|klockan|senast|före|innan|runt|vid|om)",
    r"(?:jag|vi) följer (?:den|dem|det|ärendet|leveransen|paketet) (?:\w+ )?(?:hela vägen|ända fram|personligen|själv)",
    r"stay (?:with|on) (?:it|this|you|the line|the phone) (?:until|till)",
    r"until it's (?:fixed|solved|sorted|resolved)",
    r"you'll have (?:a|the|them|it|new|\d+)",
    # "What I'll do is get it to you by 3", "what I can do right now is reprint them".
    r"what (?:i|we)(?:'ll| will| can| could|'m going to| am going to) do (?:\w+ ){0,2}?is (?:to )?(?:\w+ )?(?:get"
    r"|reprint|print|send|drive|bring|courier|replace|refund|credit|book|fix|sort|pull|rush|have|put)",
    r"(?:get|bring|have) (?:[\w'-]+ ){1,3}?(?:to|over to|out to) (?:you|your \w+) (?:by|before|within|first thing)",
    r"(?:(?:they're|they are|it's|it is|they'll be|it'll be) )?(?:with you|at your \w+|on your desk) (?:by|before|first)",
    r"(?:leaves|is leaving|goes out|ships|is dispatched) (?:from )?(?:our|the) (?:depot|warehouse|stock|factory|plant)",
    r"(?:they|it|the cards|the chairs|the invoice)(?:'ll| will) be with you",
    rf"{_JAG}(?:\w+ ){{0,2}}?(?:fixar|fixa|ordnar|ordna|löser|lösa|tar hand om|ser till|se till|kör|köra"
    r"|åker|åka|kommer över|kommer förbi|levererar|leverera|trycker|trycka|skickar (?:nya|en ny|ersättning)"
    r"|ersätter|ersätta|rättar|rätta|lastar|lasta|går ner|går till|går över|tar det|tar med|krediterar|kreditera"
    r"|återbetalar|bokar)",
    r"(?:jag|vi) (?:\w+ ){0,4}(?:själv|själva|personligen)",
    r"(?:jag|vi) (?:\w+ )?(?:skickar|kör|bokar|ordnar|lastar|trycker) (?:en|ett|nya|ny|ersättning|bil|bud)\w*"
    r"(?! (?:\w+ )?(?:ärende|ticket|mejl|mail|fråga))",
    r"(?:jag|vi) har (?:precis |redan )?(?:bokat|ordnat|beställt|ringt|tryckt|lagt|satt|fixat|löst)",
    r"(?:i've|we've|i have|we have) (?:just |already )?(?:booked|arranged|ordered|called|printed|put|fixed|sorted"
    r"|got|rushed|reprinted)",
    r"i'm (?:sending|driving|bringing|printing|reprinting|loading|booking|fixing|sorting|getting|putting|calling the"
    r"|crediting|refunding|replacing|waiving"
    r"|ordering|arranging|rushing|couriering|dropping)",
    r"i(?:'ll| will) be (?:at|with|over at|round at|outside) (?:your|you|yours)",
    r"(?:jag|vi) är (?:hos|ute hos|där hos) (?:dig|er) (?:före|innan|kl|senast|i)",
    rf"{_I_WILL} get (?:\w+ ){{1,3}}?(?:booked|sent|out|over|fixed|sorted|printed|arranged|delivered)",
    r"(?:du|ni) (?:får|ska få|har|kommer att ha) (?:den|dem|det|korten|\w+) (?:före|innan|senast|i ?morgon|i ?dag"
    r"|i ?kväll|inom)",
    r"(?:får|har) (?:du|ni) (?:den|dem|det|\w+) (?:före|innan|senast|i ?morgon|i ?dag|i ?kväll|inom)",
    r"(?:it|they|the \w+|your \w+)(?:'ll| will) be (?:with you|there|at yours|on your desk|on site|delivered)",
    # Swedish puts the verb before the subject after an adverb: "så tar jag det", "i dag kör jag".
    r"(?:fixar|ordnar|löser|tar|kör|ser|åker|kommer|skickar|trycker|levererar|går|lastar|rättar|ersätter|byter)"
    r" (?:jag|vi) (?:\w+ ){0,2}?(?:det|dem|den|dom|hand om|till|över|förbi|själv|själva|nya|ny|en ny|direkt|nu|ut"
    r"|personligen)",
    r"(?:du|ni) (?:får|ska få|har) (?:korten|dem|en rättad|nya|\d+|svar|ett svar|besked|en tid)",
    r"(?:hos|med) (?:dig|er) (?:innan|före|senast|i ?morgon|i ?kväll|i ?dag)",
)

#: Looking into the problem without yet fixing it.
OWN_CHECK = rx(
    rf"{_I_WILL} (?:\w+ ){{0,2}}?(?:check|look into|look at|find out|chase|track|investigate|call (?:the|our|them|the"
    r" courier|the printer)|dig into|follow up)",
    rf"{_JAG}(?:\w+ ){{0,2}}?(?:kollar|kolla|tar reda|undersöker|undersöka|jagar|jaga|spårar|spåra|ringer"
    r" (?:tryckeriet|posten|transportören|lagret|budfirman|leverantören|dem|ekonomi))",
    r"ringer (?:tryckeriet|posten|transportören|lagret|budfirman)",
    r"(?:ta|tar) reda på",
    r"see what (?:i|we) can (?:do|sort|arrange)",
    r"se vad (?:jag|vi) kan (?:göra|ordna|fixa)",
    r"(?:kollar|undersöker|jagar|spårar|ringer|hör) (?:jag|vi) (?:\w+ ){0,2}?(?:upp|med|direkt|nu|vad|var)",
)

#: Saying sorry.
APOLOGY = rx(
    r"sorry",
    r"apolog\w*",
    r"my apologies",
    r"förlåt",
    r"ursäkta",
    r"ber om ursäkt",
    r"beklagar",
)
