"""Verb forms a suffix-stripping stemmer cannot join to their verb: irregular pasts and participles."""

# Each form, then the verb it is a form of ("did not hold talks" denies what "held talks" says). General English
# verbs of news reporting and diplomacy.
IRREGULAR_FORMS = """
held:hold met:meet made:make took:take taken:take gave:give given:give said:say told:tell went:go gone:go
came:come saw:see seen:see found:find left:leave sent:send spent:spend brought:bring thought:think sought:seek
won:win lost:lose led:lead paid:pay kept:keep began:begin begun:begin spoke:speak spoken:speak wrote:write
written:write chose:choose chosen:choose stood:stand broke:break broken:break bought:buy sold:sell built:build
drew:draw drawn:draw fell:fall fallen:fall rose:rise risen:rise struck:strike understood:understand
withdrew:withdraw withdrawn:withdraw undertook:undertake forgave:forgive foresaw:foresee oversaw:oversee
overseen:oversee knew:know known:know grew:grow grown:grow shook:shake shaken:shake flew:fly flown:fly
meant:mean heard:hear felt:feel dealt:deal sat:sit hung:hang fought:fight caught:catch
taught:teach upheld:uphold withheld:withhold underwent:undergo undergone:undergo became:become
overcame:overcome ran:run swore:swear sworn:swear drove:drive driven:drive threw:throw thrown:throw
overthrew:overthrow overthrown:overthrow got:get gotten:get froze:freeze frozen:freeze hid:hide hidden:hide
stole:steal stolen:steal bore:bear borne:bear fled:flee fed:feed lent:lend slept:sleep mistook:mistake
mistaken:mistake forbade:forbid forbidden:forbid forgot:forget forgotten:forget wore:wear worn:wear
sank:sink sunk:sink beaten:beat bound:bind arose:arise arisen:arise
""".split()

# Nouns of a predicate that the stemmer leaves apart from their verb ("agreement" / "agre", "decision" / "decid"):
# "no agreement was reached on X" denies what "agreed on X" says. Nouns the stemmer already joins ("discussion",
# "announcement", "invitation") need no entry.
NOMINALIZATIONS = """
agreement:agree decision:decide
""".split()
