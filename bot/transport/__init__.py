"""How the bot reaches Telegram: a careful HTTP session, FSM storage and the two runners."""
