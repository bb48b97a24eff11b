"""The language pass's version, kept light so that asking what is left to analyse loads no model."""
# bump when the pass changes what it finds; `eventwire analyze` then redoes older analyses
# 3: PLOVER type of CAMEO 201 (mass expulsion); knowledge-base answers cite the first article
# 4: datelines parsed apart; dates from the event's own clause; many coder rules (issue #11)
ANALYSIS_VERSION = 4
