"""The language pass's version, kept light so that asking what is left to analyse loads no model."""
ANALYSIS_VERSION = 2  # bump when the pass changes what it finds; `eventwire analyze` then redoes old ones
