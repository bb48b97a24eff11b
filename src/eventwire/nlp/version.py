"""The language pass's version, kept light so that asking what is left to analyse loads no model."""
# bump when the pass changes what it finds; `eventwire analyze` then redoes older analyses
# 3: PLOVER types of CAMEO 0813/0814/085/201; knowledge-base answers cite the first article
ANALYSIS_VERSION = 3
