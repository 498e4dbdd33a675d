## The chat panel's own words: English.
## Every message is in every language, with the same { $placeholders }; the build
## checks it (runtime/l10n). Comments above a message document it (in en.ftl).

# The panel's title, in its header.
title = Customer service
close = Close chat
placeholder = Type your message…
send = Send
connecting = Connecting…
# Under the title while the bot answers: it is an automated assistant.
online = Automated assistant · a person is one message away
offline = Offline: your messages will be sent when you're back online
queued = Not sent yet
waiting_for_human = Waiting for a human agent
with_human = You're chatting with a human agent
order = Order
status = Status
carrier = Carrier
tracking = Tracking
eta = Expected
messages = Conversation
from_faq = From the shop's FAQ
# The label of the actions suggested while the shopper types.
typing_suggestions = Suggestions
offline_answering = Offline: the shop's FAQ still answers here; other messages are sent when you're back online
agent = Agent
resolved = Conversation resolved · write again any time
contact_title = Leave your email and we'll get back to you
email = Email
message_optional = Message (optional)
# Before the reply time on the contact form.
reply_by = We'll reply by email
csat_question = How did we do?
product = Product
price = Price
stock = Stock
# Before the number in stock, on a product card.
in_stock = In stock:
sold_out = Sold out
# The amount row of a refund card.
refund = Refund
cancel_order = Cancel order, refund
new_address = New address
# The welcome section's label.
welcome = Welcome
# The label of the questions the panel suggests before the first message.
suggestions = Questions you can ask
delete_conversation = Delete chat
delete_question = Delete this conversation? It is removed for you and from the shop's records, except what the shop must keep about payments, without your details.
delete_confirm = Delete
delete_keep = Keep
delete_failed = The conversation could not be deleted. Try again.

# Who answers, under the welcome: the shop's automated assistant, and a person on request.
assistant_of = You're talking to { $shop }'s automated assistant. A person is one message away: just ask.
# The header while an agent answers.
with_agent = You're chatting with { $name }
# The "please wait" for a shopper sending faster than the shop takes messages.
please_wait = You're sending messages quickly. Please wait { $secs } s: your message is kept and goes out then.
# Why a message to a full conversation was not sent.
conversation_full = This conversation is full, so your message was not sent. Open the chat in a new tab to start a new conversation.
# Announced politely as the shopper types, for one suggestion.
suggestions_one = 1 suggestion: press the up arrow to choose it
# The same, for several.
suggestions_many = { $count } suggestions: press the up arrow to choose one
# Actions for what the model heard in a draft, sent as the shopper's message when picked: each must read as its intent to the runtime too.
action_track_order_number = Track order { $order }
action_track_order = Track my order
action_return_item_number = Return order { $order }
action_return_item = Start a return
action_get_refund_number = Get a refund for order { $order }
action_get_refund = Get a refund
action_cancel_order_number = Cancel order { $order }
action_cancel_order = Cancel my order
action_change_shipping_address_number = Change the address of order { $order }
action_change_shipping_address = Change my delivery address
# Words every runtime hands off on, whatever the model says.
talk_to_a_person = Talk to a real person
