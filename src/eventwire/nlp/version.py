"""The language pass's version, kept light so that asking what is left to analyse loads no model."""
# bump when the pass changes what it finds; `eventwire analyze` then redoes older analyses
# 3: PLOVER type of CAMEO 201 (mass expulsion); knowledge-base answers cite the first article
# 4: datelines parsed apart; dates from the event's own clause; many coder rules (issue #11)
# 5: the coder's rules of 2026-12-07/08 (issue #11); intents and threats said of acts to come count as
#    happened (the statement was made), passive arrests by the state's police
ANALYSIS_VERSION = 5
