"""A line-level cleaner for scraped news text.

Scraped text mixes the article with page furniture.  The cleaner decides,
line by line and from cheap features, what belongs to the article:

* phrases: ads, navigation, related links, comment forms, share buttons,
  cookie and newsletter prompts, copyright.  A line is reduced to a key
  (case-folded words, no digits or punctuation) and looked up in phrase
  tables: exactly for the whole line, by prefix for longer lines;
* shapes: breadcrumbs ("Home / World / ..."), image file names, bare Unix
  timestamps and bare dates, credit lines ("With reporting by ...",
  "(X News Monitoring Desk)"), lines without words;
* captions: explicit caption and photo-credit markers ("File Photo by",
  "| License Photo", "(file photo)", "Image: ..."); lines that repeat a
  sentence of such a caption; a sentence repeated on consecutive lines (a
  caption shown twice); a sentence-like line with caption cues just before
  the body (a position marker "(L)", a trailing full date, or two caption
  verbs such as "poses", "looks on");
* position: the body starts at the first body-like line (eight words or
  more, ends like a sentence, not title case).  The kept lines before it
  are the *head* (title, byline, outlet name), left for ``meta``.  A
  related-links or comments marker late in the text (little sentence text
  after it) ends the article: everything after it goes, teasers included;
* corpus: lines of the outlet's furniture set (see ``furniture``) go as
  "repeated-in-outlet", unless that would take most of the text.

Every dropped line becomes ``Removed(line, reason)``.  Kept lines are not
rewritten: each is a paragraph.  Only hard-wrapped paragraphs (lines broken
at a fixed width) are first joined into one line with single spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Removed
from .furniture import normalise_line
from .pubdate import MONTH, is_date_line, parse_timestamp

MAX_HEAD_LINES = 25  # the body starts within this many kept lines, or the head is only a title
MIN_BODY_WORDS = 8
LONG_LINE_WORDS = 40  # so many words make a line body-like whatever its ending
TAIL_SHARE = 0.5  # a marker ends the article when the sentence text after it is below this share of the text before


def _table(groups: dict[str, str]) -> dict[str, str]:
    """{reason: 'phrase|phrase|...'} -> {phrase: reason}."""
    return {phrase: reason for reason, phrases in groups.items() for phrase in phrases.split("|")}


# Whole-line phrases, as keys (case-folded, punctuation and digits as spaces).
_PHRASES = _table({
    "advertisement": "advertisement|advertisements|advertising|sponsored|sponsored content|sponsored links|ad|ads|"
    "paid content|paid post|promoted|promoted content|partner content|story continues below advertisement|"
    "article continues below advertisement|continue reading below|continue reading the main story|"
    "scroll to continue with content|advertisement continue reading below|publicidad|publicité|anzeige|werbung|"
    "pubblicità|реклама",
    "navigation": "skip to content|skip to main content|skip to navigation|accessibility links|jump to content|"
    "main menu|menu|navigation|toggle navigation|search|back to top|home|sections|log in|login|sign in|register|"
    "close|open menu|next article|previous article|next post|previous post|privacy policy|terms of use|"
    "terms of service|terms and conditions|contact us|about us|all sections",
    "breaking": "breaking news|breaking|just in|developing story|live|watch live|live updates",
    "related": "related|related articles|related article|related posts|related news|related stories|related content|"
    "related coverage|related topics|related links|more stories|more news|more on this story|more on this topic|"
    "you may also like|you might also like|you may be interested in|recommended|recommended for you|"
    "recommended stories|latest headlines|latest news|latest stories|top stories|trending|trending now|most read|"
    "most popular|most viewed|popular topics|popular posts|popular stories|check also|read more|read also|also read|"
    "see also|don t miss|editor s picks|editors picks|in other news|read next|up next|what to read next|tags|topics|"
    "noticias relacionadas|articles liés|à lire aussi|lesen sie auch|mehr zum thema",
    "comments": "leave a reply|leave a comment|post a comment|add a comment|comments|comment|write a comment|"
    "cancel reply|post comment|submit comment|name|email|website|join the conversation|show comments|view comments|"
    "comentarios|commentaires|kommentare",
    "share": "share|share this|share this article|share this story|share this post|share on facebook|share on twitter|"
    "share via email|share article|tweet|print|copy link|copy url|link copied|compartir|partager|teilen",
    "cookie": "accept|accept all|accept cookies|reject all|manage cookies|cookie settings|cookie policy|"
    "manage preferences",
    "newsletter": "subscribe|subscribe now|sign up|sign up now|newsletter|get our newsletter|join our newsletter|"
    "subscribe to our newsletter",
    "source-link": "source link|source|original article|view original|read the original article|via",
    "section": "world|world news|politics|business|europe|asia|africa|americas|middle east|us news|uk news|sport|"
    "sports|opinion|national|international|local|technology|tech|science|health|culture|economy|markets|"
    "entertainment|lifestyle|video|videos|analysis|top news|news|features|environment|climate|diplomacy|defence|"
    "defense|asia pacific|latin america|internacional|mundo|monde|welt|politik|política|politique",
    "credit": "agencies|with agency inputs|agency inputs",
    "copyright": "all rights reserved",
})
# A marker of one of these kinds may end the article (see _mark_tail).
_TAIL_REASONS = frozenset({"related", "comments", "source-link"})
_SHARE_WORDS = frozenset(
    "share facebook twitter x whatsapp linkedin email e mail print telegram reddit pinterest messenger vk tumbler "
    "tumblr flipboard copy link tweet sms".split()
)

# Prefixes of longer lines (as keys), for lines up to _PREFIX_MAX_CHARS.
_PREFIXES = _table({
    "comments": "your email address will not be published|required fields are marked|save my name email and website|"
    "you must be logged in to post|comments are closed|this site uses akismet",
    "cookie": "we use cookies|this website uses cookies|this site uses cookies|we and our partners use cookies|"
    "by continuing to use this|by using this site|by using our site|cookies help us|we value your privacy",
    "newsletter": "sign up for our|sign up to our|sign up for the|subscribe to our|subscribe to the|"
    "get the latest news|get our daily|enter your email|newsletter sign up",
    "copyright": "copyright|all rights reserved|this material may not be published|republication or redistribution",
    "promo": "follow us on|like us on facebook|join our telegram|join our whatsapp|download our app|click here to|"
    "click here for|tap here to",
    "source-link": "this article was originally published|this story was originally published|originally published",
})
_PREFIX_MAX_CHARS = 250
_PREFIX_RE = re.compile("^(?:" + "|".join(sorted(map(re.escape, _PREFIXES), key=len, reverse=True)) + r")\b")
_INLINE_LINK = re.compile(
    r"^(?:read more|read also|also read|see also|related|more|watch|listen|must read|recommended|more on this)"
    r"\s*[:»>|–—]\s*\S",
    re.I,
)
_SOURCE_LINE = re.compile(r"^source\s*:\s*\S.{0,60}$", re.I)
_COPYRIGHT_SIGN = re.compile(r"^\s*(?:©|\(c\)\s+\d{4})")

_KEY = re.compile(r"[\W\d_]+")
_WORDY = re.compile(r"[^\W\d_]")  # a letter: the line has words
_IMAGE_FILE = re.compile(r"^(?:\S+ ){0,3}\S+\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|avif|heic)$", re.I)
_CRUMB_SEP = re.compile(r"\s+(?:/|>|»|›|\||::|→)\s+")
_HOME_WORDS = frozenset("home homepage start news inicio accueil startseite início главная".split())
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|contributed|inputs?|edited|"
    r"translated|produced)\s+(?:by|from)\b",
    re.I,
)
_PAREN_LINE = re.compile(r"^\(\s*([^()]{2,80}?)\s*\)$")
_DESK_WORDS = re.compile(
    r"\b(?:desk|bureau|monitoring|agencies|agency|wires?|news service|staff|correspondents?|reporters?)\b", re.I
)
_DASH_CREDIT = re.compile(r"^[-–—]\s*(?:[A-Z][\w.&'’-]*\s*){1,4}$")
_CAPTION = re.compile(
    r"\((?:file\s+)?(?:photo|image|picture|pic|video|file)\b[^)]{0,80}\)"
    r"|\bfile\s+(?:photo|picture|image)\b"
    r"|\|\s*licen[cs]e\s+photo\b"
    r"|^(?:photo|image|picture|photograph|pic|caption|image\s+caption|media\s+caption|image\s+copyright|"
    r"photo\s+credit|image\s+credit|credit|pictured)\s*(?::|by\b|©)"
    r"|\bphoto(?:graph)?\s+(?:by|courtesy\s+of|credit)\b"
    r"|\b(?:getty\s+images|shutterstock|istock(?:photo)?|ap\s+photo|afp\s+photo|reuters\s+photo|epa-efe|via\s+getty)\b"
    r"|\bin\s+this\s+(?:file\s+|undated\s+|handout\s+)?(?:photo|picture|image|photograph)\b",
    re.I,
)
_CAPTION_AGENCY = re.compile(r"\b(?:REUTERS|AFP|EPA|XINHUA|TASS|SPUTNIK|UPI|ANADOLU)\s*/\s*[A-Z]")
_CAPTION_MAX_CHARS = 400
# Weaker cues, only for a sentence-like line just before the body: a position
# marker or a trailing full date count 2, each caption verb 1; 2 make a caption.
_POSITION_CUE = re.compile(
    r"\((?:L|R|C|L-R|R-L|left|right|centre|center|front|back|top|bottom|\d(?:st|nd|rd|th)\s+[LR])\)"
)
_TRAILING_DATE = re.compile(rf"(?:{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d\d)\.?$")
_CAPTION_VERBS = re.compile(
    r"\b(?:is|are)\s+(?:seen|pictured|shown)\b|\bposes?\b|\blooks?\s+on\b|\bgestures\b"
    r"|\bshakes?\s+hands\b|\bwalks?\s+(?:past|along|through)\b|\bpictured\b"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(]?[A-Z])")
_TERMINAL = ".!?…:"
_CLOSERS = "\"'”’)]» "


@dataclass(frozen=True)
class Cleaned:
    """The cleaner's verdict on one text."""

    head: tuple[str, ...]  # kept lines before the body: title, byline, outlet name candidates
    paragraphs: tuple[str, ...]  # the body, one entry per paragraph
    removed: tuple[Removed, ...]  # dropped lines in text order


def line_key(line: str) -> str:
    """Case-folded words of a line, digits and punctuation collapsed to single spaces."""
    return _KEY.sub(" ", line.casefold()).strip()


def _ends_sentence(line: str) -> bool:
    end = line.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _TERMINAL


def is_body_like(line: str) -> bool:
    """A line that reads as running text: long, or a sentence of several words not in title case."""
    words = line.split()
    if len(words) >= LONG_LINE_WORDS:
        return True
    if len(words) < MIN_BODY_WORDS or not _ends_sentence(line):
        return False
    return sum(map(str.islower, (w[0] for w in words))) / len(words) >= 0.25


def is_headline_like(line: str) -> bool:
    """A line that could be a title: 2..30 words, at most 250 characters, not running text."""
    return 2 <= len(line.split()) <= 30 and len(line) <= 250 and not is_body_like(line)


def _is_breadcrumb(line: str) -> bool:
    if len(line) > 250:
        return False
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 2:
        return False
    if parts[0].strip().casefold() in _HOME_WORDS:
        return True
    return len(parts) >= 3 and not _ends_sentence(line) and all(len(p.split()) <= 4 for p in parts[:-1])


def _is_credit(line: str) -> bool:
    if len(line) > 300:
        return False
    if _CREDIT.match(line) or _DASH_CREDIT.match(line):
        return True
    inner = _PAREN_LINE.match(line)
    if not inner:
        return False
    words = inner.group(1).split()
    return bool(_DESK_WORDS.search(inner.group(1))) or (len(words) <= 4 and all(w[0].isupper() for w in words))


def _caption_cue(line: str, key: str) -> bool:
    """A caption or photo credit marker in a line of at most _CAPTION_MAX_CHARS."""
    if len(line) > _CAPTION_MAX_CHARS:
        return False
    # every _CAPTION branch holds one of these words; most prose holds none, and the regex (many
    # alternatives under re.I) is the cleaner's costliest test
    k = key
    if ("photo" in k or "image" in k or "pic" in k or "video" in k or "file" in k or "caption" in k
            or "credit" in k or "getty" in k or "shutterstock" in k or "istock" in k or "epa" in k) \
            and _CAPTION.search(line):
        return True
    return "/" in line and bool(_CAPTION_AGENCY.search(line))


def classify_line(line: str) -> str | None:
    """The furniture category of one stripped, non-blank line, or None to keep it."""
    if len(line) > _PREFIX_MAX_CHARS:
        # a long line: phrases and prefixes stop short of it, so its folded text will do for
        # the caption test, and only a line without any letter has no words
        key = line.casefold() if _WORDY.search(line) else ""
    else:
        key = line_key(line)
    if not key:
        if parse_timestamp(line):
            return "timestamp"
        return "date" if is_date_line(line) else "no-words"
    if len(line) <= 120:
        if key in _PHRASES:
            return _PHRASES[key]
        if set(key.split()) <= _SHARE_WORDS:
            return "share"
    if _IMAGE_FILE.match(line):
        return "image-file"
    if is_date_line(line):
        return "date"
    if len(line) <= _PREFIX_MAX_CHARS:
        m = _PREFIX_RE.match(key)
        if m and (_PREFIXES[m.group(0)] != "newsletter" or len(line) <= 150):
            return _PREFIXES[m.group(0)]
        if _INLINE_LINK.match(line):
            return "related-link"
        if _SOURCE_LINE.match(line):
            return "source-link"
        if _COPYRIGHT_SIGN.match(line):
            return "copyright"
    if _is_breadcrumb(line):
        return "breadcrumb"
    if _caption_cue(line, key):
        return "caption"
    if _is_credit(line):
        return "credit"
    return None


def _mark_furniture(lines: list[str], reasons: list[str | None], furniture: frozenset[str]) -> None:
    """Outlet furniture, unless it would claim most of the text (near-duplicate articles)."""
    if not furniture:
        return
    hits = [i for i, r in enumerate(reasons) if r is None and lines[i] and normalise_line(lines[i]) in furniture]
    if len(hits) * 2 <= sum(1 for line in lines if line):
        for i in hits:
            reasons[i] = "repeated-in-outlet"


def _mark_repeats(lines: list[str], reasons: list[str | None]) -> None:
    """A sentence on two consecutive lines is a caption shown twice: both go.
    Any other verbatim repeat of a line of 20+ characters goes from its second copy on."""
    nonblank = [i for i, line in enumerate(lines) if line]
    seen: set[str] = set()
    for n, i in enumerate(nonblank):
        line = lines[i]
        if len(line) < 20:
            continue
        nxt = nonblank[n + 1] if n + 1 < len(nonblank) else None
        if nxt is not None and lines[nxt] == line and _ends_sentence(line) and reasons[i] is None:
            reasons[i] = reasons[nxt] = "caption"
        elif line in seen and reasons[i] is None:
            reasons[i] = "duplicate"
        seen.add(line)


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(line) if s.strip()]


def _mark_caption_echoes(lines: list[str], reasons: list[str | None]) -> None:
    """Lines that only repeat sentences of a caption, or restate a caption's opening, are captions."""
    captions = [lines[i] for i, r in enumerate(reasons) if r == "caption"]
    if not captions:
        return
    known = {s for c in captions for s in _sentences(c) if len(s.split()) >= 6 and not _CAPTION.search(s)}
    for i, line in enumerate(lines):
        if reasons[i] is not None or not line:
            continue
        parts = _sentences(line)
        echoes = parts and all(p in known for p in parts)
        restates = len(line) >= 40 and any(
            c.startswith(line) or (len(c) >= 40 and line.startswith(c[:80])) for c in captions
        )
        if echoes or restates:
            reasons[i] = "caption"


def _mark_tail(lines: list[str], reasons: list[str | None]) -> None:
    """From the first late marker on (related links, comments, source link), the article is over."""
    marks = [i for i, r in enumerate(reasons) if r in _TAIL_REASONS and line_key(lines[i]) in _PHRASES]
    if not marks:  # most texts: no need to weigh the prose
        return
    prose = [len(line) if reasons[i] is None and is_body_like(line) else 0 for i, line in enumerate(lines)]
    total = sum(prose)
    for i in marks:
        before = sum(prose[: i + 1])
        if before:
            if total - before < TAIL_SHARE * before:
                for j in range(i + 1, len(lines)):
                    if lines[j] and reasons[j] in (None, "date", "timestamp"):
                        reasons[j] = "after-end"  # a teaser's date is not this article's
                return


def _caption_score(line: str) -> int:
    strong = bool(_POSITION_CUE.search(line)) + bool(_TRAILING_DATE.search(line))
    return 2 * strong + len(_CAPTION_VERBS.findall(line))


def _body_start(lines: list[str], reasons: list[str | None]) -> int:
    """Index of the first body line; sentence-like lines with caption cues just before it become captions."""
    kept = [i for i, r in enumerate(reasons) if r is None and lines[i]]
    for n, i in enumerate(kept[: MAX_HEAD_LINES + 1]):
        if not is_body_like(lines[i]):
            continue
        nxt = kept[n + 1] if n + 1 < len(kept) else None
        if nxt is not None and _caption_score(lines[i]) >= 2 and is_body_like(lines[nxt]):
            reasons[i] = "caption"
            continue
        return i
    if len(kept) > 1 and is_headline_like(lines[kept[0]]):
        return kept[1]
    return kept[0] if kept else len(lines)


def _hard_wrapped(block: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width: similar lengths, mostly not
    ending a sentence, mostly continued in lower case (a list of headlines is not)."""
    if len(block) < 2:
        return False
    body = block[:-1]
    lengths = [len(line) for line in body]
    if min(lengths) < 30 or max(lengths) > 100 or max(lengths) - min(lengths) > 35:
        return False
    continued = sum(line[0].islower() for line in block[1:])
    return sum(_ends_sentence(line) for line in body) * 2 <= len(body) and continued * 2 >= len(block) - 1


def _logical_lines(text: str) -> list[str]:
    """Stripped lines, with each hard-wrapped block joined into one line by single spaces."""
    lines: list[str] = []
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        line = line.strip()
        if line:
            block.append(line)
            continue
        if block:
            lines.extend([" ".join(block)] if _hard_wrapped(block) else block)
            block = []
        lines.append("")
    return lines[:-1]


def clean(text: str, *, furniture: frozenset[str] = frozenset(), find_head: bool = True) -> Cleaned:
    """Split scraped text into head, body paragraphs and removed lines.

    With ``find_head=False`` (text whose title was already taken off, such
    as trafilatura's output) every kept line belongs to the body.
    """
    lines = _logical_lines(text)
    reasons: list[str | None] = [classify_line(line) if line else None for line in lines]
    _mark_furniture(lines, reasons, furniture)
    _mark_repeats(lines, reasons)
    _mark_caption_echoes(lines, reasons)
    _mark_tail(lines, reasons)
    start = _body_start(lines, reasons) if find_head else 0
    head = tuple(lines[i] for i in range(start) if lines[i] and reasons[i] is None)
    removed = tuple(Removed(line, reason) for line, reason in zip(lines, reasons) if line and reason)
    body = tuple(lines[i] for i in range(start, len(lines)) if lines[i] and reasons[i] is None)
    return Cleaned(head, body, removed)
