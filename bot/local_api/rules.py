"""Telegram's rules for what a bot may send, checked the way the real Bot API checks them.

Each check raises `BadRequest` with the description Telegram gives, so a bot that Telegram
would refuse fails against the local API too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_BUTTONS_PER_ROW = 8
MAX_BUTTONS = 100
MAX_INLINE_RESULTS = 50
MAX_CALLBACK_ANSWER_LENGTH = 200
# The bot's profile: name, description and short description, per language.
PROFILE_LIMITS = {"name": 64, "description": 512, "short_description": 120}
LANGUAGE_CODE = re.compile(r"[a-z]{2}")
START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
BOT_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# The tags Telegram's HTML parse mode accepts, with the attributes each may carry.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "ins": frozenset(),
    "s": frozenset(),
    "strike": frozenset(),
    "del": frozenset(),
    "span": frozenset({"class"}),
    "tg-spoiler": frozenset(),
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "pre": frozenset(),
    "blockquote": frozenset({"expandable"}),
    "tg-emoji": frozenset({"emoji-id"}),
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
_ATTRIBUTE = re.compile(r"([A-Za-z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


class BadRequest(Exception):  # noqa: N818 - named after Telegram's own error
    """A call Telegram answers with 400 and this description (and, for a group upgraded to a
    supergroup, `parameters` with its `migrate_to_chat_id`)."""

    status = 400

    def __init__(self, description: str, parameters: Mapping[str, Any] | None = None) -> None:
        super().__init__(description)
        self.description = f"Bad Request: {description}"
        self.parameters = dict(parameters) if parameters else None


class Forbidden(BadRequest):
    """A call Telegram answers with 403: the bot was blocked, kicked, or the user is gone."""

    status = 403

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = f"Forbidden: {description}"


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _entity_error(text: str) -> BadRequest:
    return BadRequest(f"can't parse entities: {text}")


def parse_html(text: str) -> str:
    """The plain text of an HTML-formatted message, or BadRequest where Telegram refuses it."""
    plain: list[str] = []
    stack: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "<":
            match = _TAG.match(text, index)
            if match is None:
                raise _entity_error(
                    f"Unexpected end of name token at byte offset {_byte_offset(text, index)}"
                )
            closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
            offset = _byte_offset(text, index)
            if name not in ALLOWED_TAGS:
                kind = "end" if closing else "start"
                raise _entity_error(f'Unsupported {kind} tag "{name}" at byte offset {offset}')
            if closing:
                if not stack:
                    raise _entity_error(f"Unexpected end tag at byte offset {offset}")
                if stack[-1] != name:
                    raise _entity_error(
                        f'Can\'t find end tag corresponding to start tag "{stack[-1]}"'
                    )
                stack.pop()
            else:
                _check_attributes(name, attributes, offset)
                stack.append(name)
            index = match.end()
        elif char == "&":
            match = _ENTITY.match(text, index)
            if match is None:
                plain.append(char)  # Telegram keeps a lone ampersand as it is.
                index += 1
                continue
            body = match.group(1)
            if body.startswith("#"):
                plain.append(html.unescape(match.group(0)))
            elif body in NAMED_ENTITIES:
                plain.append(NAMED_ENTITIES[body])
            else:
                raise _entity_error(
                    f'Unsupported HTML entity "&{body};" at byte offset '
                    f"{_byte_offset(text, index)}"
                )
            index = match.end()
        elif char == ">":
            plain.append(char)
            index += 1
        else:
            plain.append(char)
            index += 1
    if stack:
        raise _entity_error(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(plain)


def _check_attributes(name: str, attributes: str, offset: int) -> None:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(attributes):
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found[match.group(1).lower()] = value
    # Telegram ignores unknown attributes but insists on the ones that give a tag its meaning.
    if name == "span" and found.get("class") != "tg-spoiler":
        raise _entity_error(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
    if name == "tg-emoji" and not found.get("emoji-id", "").isdigit():
        raise _entity_error(
            f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {offset}'
        )
    if name == "a" and "href" in found and not found["href"].strip():
        raise _entity_error(f"Empty href in a link at byte offset {offset}")


def formatted_text(text: object, parse_mode: object, limit: int, *, what: str) -> str:
    """The plain text after parsing, checked for emptiness and length."""
    if not isinstance(text, str):
        raise BadRequest(f"{what} is empty")
    if isinstance(parse_mode, str) and parse_mode:
        if parse_mode.upper() != "HTML":
            if parse_mode not in ("Markdown", "MarkdownV2"):
                raise BadRequest(f"unsupported parse_mode {parse_mode!r}")
            plain = text  # Markdown is not checked by the local API.
        else:
            plain = parse_html(text)
    else:
        plain = text
    if what == "message text" and not plain.strip():
        raise BadRequest("message text is empty")
    if len(plain) > limit:
        raise BadRequest(
            "message is too long" if what == "message text" else f"{what} is too long"
        )
    return plain


def message_text(params: Mapping[str, Any]) -> str:
    """The plain text of sendMessage/editMessageText, checked like Telegram does."""
    return formatted_text(
        params.get("text"), params.get("parse_mode"), MAX_MESSAGE_LENGTH, what="message text"
    )


def caption(params: Mapping[str, Any]) -> str | None:
    """The plain caption, or None when there is none."""
    if params.get("caption") in (None, ""):
        return None
    return formatted_text(
        params.get("caption"), params.get("parse_mode"), MAX_CAPTION_LENGTH, what="message caption"
    )


def _check_deep_link(url: str) -> None:
    parts = urlsplit(url)
    if parts.netloc.lower() not in ("t.me", "telegram.me"):
        return
    query = parse_qs(parts.query, keep_blank_values=True)
    for key in ("start", "startgroup", "startapp"):
        for value in query.get(key, []):
            if not START_PARAMETER.fullmatch(value):
                raise BadRequest("BUTTON_URL_INVALID")


def reply_markup(markup: object) -> None:
    """An inline or reply keyboard of a shape Telegram accepts."""
    if markup is None:
        return
    if not isinstance(markup, Mapping):
        raise BadRequest("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _inline_keyboard(markup["inline_keyboard"])
    elif "keyboard" in markup:
        _rows(markup["keyboard"], "keyboard")
        for row in markup["keyboard"]:
            for button in row:
                text = button.get("text") if isinstance(button, Mapping) else button
                if not isinstance(text, str) or not text:
                    raise BadRequest("keyboard button text is empty")
    elif not ("remove_keyboard" in markup or "force_reply" in markup):
        raise BadRequest("can't parse reply keyboard markup JSON object")


def _rows(rows: object, field: str) -> Sequence[Sequence[Any]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise BadRequest(f'field "{field}" of the keyboard must be an Array of Arrays')
    return rows


def _inline_keyboard(value: object) -> None:
    rows = _rows(value, "inline_keyboard")
    if sum(len(row) for row in rows) > MAX_BUTTONS:
        raise BadRequest("reply markup is too long")
    for row in rows:
        if len(row) > MAX_BUTTONS_PER_ROW:
            raise BadRequest("too many buttons in a row of the inline keyboard")
        for button in row:
            _inline_button(button)


_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def _inline_button(button: object) -> None:
    if not isinstance(button, Mapping):
        raise BadRequest("can't parse inline keyboard button: object expected")
    text = button.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("BUTTON_TEXT_INVALID")
    actions = [name for name in _BUTTON_ACTIONS if button.get(name) is not None]
    if len(actions) != 1:
        raise BadRequest("can't parse inline keyboard button: exactly one action is expected")
    data = button.get("callback_data")
    if data is not None:
        encoded = str(data).encode("utf-8")
        if not 1 <= len(encoded) <= MAX_CALLBACK_DATA_BYTES:
            raise BadRequest("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None:
        if not isinstance(url, str) or not re.match(r"(https?|tg)://\S+$", url):
            raise BadRequest("BUTTON_URL_INVALID")
        _check_deep_link(url)


def location(params: Mapping[str, Any]) -> tuple[float, float]:
    """Latitude and longitude within the ranges Telegram allows."""
    try:
        latitude = float(params["latitude"])
        longitude = float(params["longitude"])
    except (KeyError, TypeError, ValueError):
        raise BadRequest("wrong latitude or longitude") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise BadRequest("wrong latitude or longitude")
    return latitude, longitude


def inline_results(params: Mapping[str, Any]) -> None:
    """answerInlineQuery's results: at most 50, unique ids, valid content and buttons."""
    results = params.get("results")
    if not isinstance(results, list):
        raise BadRequest("can't parse inline query results JSON object")
    if len(results) > MAX_INLINE_RESULTS:
        raise BadRequest("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    for result in results:
        if not isinstance(result, Mapping):
            raise BadRequest("can't parse inline query result JSON object")
        result_id = str(result.get("id", ""))
        if not 1 <= len(result_id.encode("utf-8")) <= 64:
            raise BadRequest("RESULT_ID_INVALID")
        if result_id in seen:
            raise BadRequest("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        content = result.get("input_message_content")
        if isinstance(content, Mapping) and "message_text" in content:
            formatted_text(
                content["message_text"],
                content.get("parse_mode"),
                MAX_MESSAGE_LENGTH,
                what="message text",
            )
        reply_markup(result.get("reply_markup"))
    button = params.get("button")
    start = button.get("start_parameter") if isinstance(button, Mapping) else None
    start = start if start is not None else params.get("switch_pm_parameter")
    if start is not None and not START_PARAMETER.fullmatch(str(start)):
        raise BadRequest("START_PARAM_INVALID")


def bot_commands(params: Mapping[str, Any]) -> list[dict[str, str]]:
    """setMyCommands' commands: at most 100, each /[a-z0-9_]{1,32} with a 1..256 description."""
    commands = params.get("commands")
    if not isinstance(commands, list):
        raise BadRequest("can't parse commands JSON object")
    if len(commands) > 100:
        raise BadRequest("too many commands")
    checked = []
    for command in commands:
        if not isinstance(command, Mapping):
            raise BadRequest("can't parse BotCommand JSON object")
        name = str(command.get("command", ""))
        description = str(command.get("description", ""))
        if not BOT_COMMAND.fullmatch(name):
            raise BadRequest("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise BadRequest("BOT_COMMAND_DESCRIPTION_INVALID")
        checked.append({"command": name, "description": description})
    return checked


def language_code(params: Mapping[str, Any]) -> str:
    """The two-letter language_code of a per-language setting, or "" for every language."""
    code = str(params.get("language_code") or "")
    if code and not LANGUAGE_CODE.fullmatch(code):
        raise BadRequest("LANG_CODE_INVALID")
    return code


def profile_text(params: Mapping[str, Any], field: str) -> str:
    """setMyName / setMyDescription / setMyShortDescription's text ("" clears it)."""
    value = params.get(field)
    text = "" if value is None else str(value)
    if len(text) > PROFILE_LIMITS[field]:
        raise BadRequest(f"bot {field.replace('_', ' ')} is too long")
    return text
