"""A local Telegram Bot API over HTTP: the bot talks to it exactly as to api.telegram.org.

It serves ``{base}/bot{token}/{method}`` (GET or POST; JSON, urlencoded or multipart bodies)
and ``{base}/file/bot{token}/{path}``, answering ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": ..., "description": ..., "parameters": {"retry_after": ...}}``.
A wrong token gets 401, an unknown method 404, like Telegram.

Methods: getMe, getUpdates (long polling with timeout, offset confirmation, limit,
allowed_updates), setWebhook / deleteWebhook / getWebhookInfo, sendMessage, editMessageText,
editMessageReplyMarkup, deleteMessage, answerCallbackQuery, answerInlineQuery, sendLocation,
sendDocument (multipart upload, bytes kept), sendChatAction, setMyCommands / getMyCommands /
deleteMyCommands (per scope and language_code), getChatMember, getChat, getFile, and the
profile: getMyName / setMyName, getMyDescription / setMyDescription, getMyShortDescription /
setMyShortDescription (per language_code; 64, 512 and 120 characters at most).

Telegram's rules are enforced (see `bot.local_api.rules`): message text 1..4096 characters after
entity parsing, HTML parse mode with only Telegram's tags, properly nested and closed, and only
the named entities &lt; &gt; &amp; &quot; (400 "Bad Request: can't parse entities: ..."),
callback_data 1..64 bytes, inline keyboard shapes (8 buttons a row, 100 in all, one action per
button), answerInlineQuery with at most 50 results of unique ids, latitude/longitude ranges,
start parameters [A-Za-z0-9_-]{1,64} in deep links and inline buttons, bot commands
[a-z0-9_]{1,32} with descriptions of 1..256 characters, sending only to chats that exist,
editing only existing messages and only with a change.

Chats change under the bot as in Telegram (`bot.local_api.chat_changes`): a group upgraded to a
supergroup refuses its old id with 400 and ``parameters.migrate_to_chat_id``; a chat that
blocked or removed the bot answers 403 ("bot was blocked by the user", "bot was kicked from
the group chat"...), a deleted one "user is deactivated" or "chat not found"; a menu for a chat
the bot never saw (``BotCommandScopeChat`` of a user who never opened it) is "chat not found";
a reply to a deleted message is refused unless ``allow_sending_without_reply``; a callback
query answered after ``callback_query_timeout`` seconds (15) or twice is "query is too old";
``message_thread_id`` must name a topic of the forum; updates not in ``allowed_updates``
(such as ``my_chat_member``) are dropped, not delivered.

Control API, in process (``LocalTelegram`` methods) or over HTTP (``POST /_control/<action>``
with a JSON object of the same keyword arguments; answers ``{"ok": true, "result": update}``):

* ``send_message(text, user_id=1001, chat_id=None, chat_type="private", reply_to=None,
  language_code="uk")`` (HTTP ``message``): a user writes to the bot; ``reply_to`` is the id of
  a message in that chat the user replies to.
* ``press_button(chat_id, message_id, button, user_id=None)`` (HTTP ``press``): a user presses
  the inline button (label or callback data) of a recorded bot message; the callback query
  carries that message. ``press_last_button(chat_id, button)`` finds the newest such message.
* ``inline_query(query, user_id=1001)``, ``channel_post(text, chat_id=..., title=...)``,
  ``send_document(filename, content: bytes, user_id=1001, caption=None)`` (HTTP ``document``
  with ``content`` as text), ``forward_post(text, channel="@city_news", post_id=1,
  posted_at=None, user_id=1001)`` (HTTP ``forward``: a channel's post forwarded to the bot),
  ``feed(raw_update_without_id)`` (HTTP ``update``).
* ``send_message(..., thread_id=N)`` writes in a forum topic (``create_topic(chat_id, name)``
  (HTTP ``topic``) opens one and gives its message_thread_id; the chat is made a forum with
  ``chat(chat_id, chat_type="supergroup", is_forum=True)`` or ``add_bot(..., is_forum=True)``);
  ``send_message(..., anonymous_admin=True)`` writes as an anonymous group administrator
  (from GroupAnonymousBot, sender_chat the group).
* The chat changes: ``add_bot(chat_id, chat_type="group", user_id=..., status="member")``,
  ``remove_bot(chat_id, user_id=..., status="kicked"|"left")``, ``block_bot(user_id)``,
  ``unblock_bot(user_id)`` (each delivers ``my_chat_member``), ``delete_chat(chat_id)``,
  ``migrate_group(chat_id, new_chat_id=None)`` (the new id; service messages in both chats),
  ``delete_message(chat_id, message_id)`` (someone else deletes a message),
  ``set_member_status(chat_id, user_id, status)``; over HTTP ``add_bot``, ``remove_bot``,
  ``block``, ``unblock``, ``delete_chat``, ``migrate``, ``delete_message``, ``member_status``.
* ``service_message(content, user_id=..., chat_id=None)`` (HTTP ``service``): a pin, a timer
  change, members joining...; ``send_album(count=5, ...)`` (HTTP ``album``): photos sharing a
  media_group_id, one update each.
* Faults: ``fail_next(method, kind, times=1, retry_after=1)`` (HTTP ``fault``) makes the next
  calls of a method answer 429 with retry_after (``"retry_after"``), 500 (``"server_error"``)
  or close the connection (``"drop"``); ``duplicate_next_updates(count=1)`` (HTTP
  ``duplicate``) delivers the next updates twice with the same update_id;
  ``forget_updates()`` (HTTP ``forget_updates``) drops what was not delivered yet.
* Reading: ``calls`` (every call in order except successful getUpdates, each a ``Call`` with
  ``method``, ``params``, ``files``, ``status``, ``response``, ``result``, ``fault``),
  ``calls_of(method)``, ``await next_call(method=None, within=5)`` (the next call after those
  already taken), ``await next_message(chat_id=None, within=5)``,
  ``await wait_idle(quiet=0.2, within=5)``,
  ``bot_messages(chat_id)`` (the chat's bot messages as they are now), ``pending_updates``
  (delivered but not yet confirmed by the bot), ``commands``,
  ``callback_answers``, ``files``, ``webhook``. Over HTTP: ``GET /_control/calls?since=N&wait=S``
  returns the calls from index N, waiting up to S seconds for one to come.

Webhook mode: after setWebhook the server POSTs each update to the URL, with the
``X-Telegram-Bot-Api-Secret-Token`` header when a secret was set, retrying until the bot answers
2xx; a method in the response body is executed like a call. getUpdates then answers 409.

    async with LocalTelegram() as telegram:
        bot = Bot(telegram.token, session=AiohttpSession(
            api=TelegramAPIServer.from_base(telegram.base_url)))
        telegram.send_message("/start")
        reply = await telegram.next_message()
"""

from bot.local_api.rules import BadRequest
from bot.local_api.server import DEFAULT_TOKEN, Call, LocalTelegram, UploadedFile

__all__ = ["DEFAULT_TOKEN", "BadRequest", "Call", "LocalTelegram", "UploadedFile"]
