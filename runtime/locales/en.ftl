## What the bot says on its own: English. Facts (order status, amounts, dates) never
## come from here: only plugins supply those. Every message is in every language, with
## the same { $placeholders }; the build checks it (runtime/l10n).

## Lines a merchant can reword (GET /v1/admin/replies): the id is the line's key.

# Answer to a greeting.
greeting = Hi! I can help with your orders, refunds, our products and shop policies, and I can get you a human at any time. What can I do for you?
# The panel's greeting, shown before the first message (panel text: never stored).
welcome = Hi! I can help with your orders, returns and refunds, and our products. What would you like to know?
# The questions the panel suggests before the first message, one a line.
suggestions =
    Where is my order?
    How do I return an item?
    How long does delivery take?
    Can I talk to a person?
# Answer to thanks.
thanks = You're welcome! Is there anything else I can help with?
# Answer to goodbye.
goodbye = Thanks for stopping by. Have a good day!
# The order number is needed.
ask_order_number = Sure. What's your order number? You'll find it in your confirmation email.
# The shopper's order number matched nothing.
order_not_found = I couldn't find an order with that number. Could you check it, or send the number from your confirmation email?
# A human was asked for and the conversation is queued for one.
handoff_requested = I've asked a member of our team to take over this chat. They'll reply right here; you can keep writing in the meantime.
# The question is outside what a shop assistant does.
out_of_scope = That's outside what I can help with here. I can help with orders, refunds, products and shop policies, or get you a human.
# A shop topic the bot cannot handle yet.
cannot_handle_yet = I understand what you're asking, but I can't handle that myself yet. Would you like a human to help?
# A plugin failed; apologise and offer a human.
plugin_failed = Sorry, I couldn't look that up just now. Would you like a human to help?
# A policy topic (security, legal, payment dispute): a person takes over.
policy_handoff = This is something a person from our team should handle. I've asked one to take over this chat; they'll reply right here.
# Someone is hurt or in danger: where to get help now, then a person takes over first.
safety_handoff = If anyone is hurt or in danger, please call your local emergency number now (911 in the US and Canada, 112 in the EU, 999 in the UK) or see a doctor; don't wait for us. I've also asked a person from our team to take over this chat at once. They see the whole conversation and will reply right here.
# The bot keeps failing or repeating itself: stop and offer a person.
offer_human = Sorry, I'm not getting this right. Would you like a person from our team to help instead?
# Appended to an answer when the shopper sounds upset.
frustration_offer = I'm sorry about the trouble. If you'd rather talk to a person, I can get one right away.
# Acting on an order needs proof it is the shopper's: its email.
ask_order_email = To keep your order safe, what's the email address you placed it with?
# The email given does not match the order (worded so as not to reveal which).
ownership_not_proven = I couldn't match that order number and email, so I can't make changes to this order. Please check both, or a person from our team can help.
# Too many emails did not match: a person takes over.
proofs_exhausted = I still couldn't match that order number and email, so I've asked a person from our team to take over; they'll help you right here.
# An order's carrier and tracking number are shown only to its owner: the email asked.
details_need_proof = To see the carrier and tracking number, tell me the email address the order was placed with.
# A confirmation card's button was pressed for an action that no longer awaits it.
stale_confirmation = That card is no longer open, so I haven't done anything with it. If you still need something, just tell me.
# A message that only adds to what was proposed, while its card waits for an answer.
proposal_still_open = Thanks for letting me know. What I proposed above still stands: confirm or decline it with its buttons, or ask for a person if you'd rather.
# Added to an answer given while a person is asked for and nobody from the team is online.
still_waiting = Your request for a person is still open: someone from our team will reply as soon as they're back.
# The signed identity that proved the order expired before the confirmation.
proof_expired = Your sign-in with the shop has expired, so I haven't done anything. Please reload the page, or tell me the email address the order was placed with, and ask again.
# A plugin proposed a refund above what the bot may do: a person takes over.
refund_needs_human = A refund like this needs approval from a person on our team, so I've asked one to take over this chat. They'll reply right here.
# The shopper declined the proposed refund.
refund_cancelled = OK, I've left everything as it was. Is there anything else I can help with?
# The confirmed action was handled already.
action_already_handled = That request has already been handled.
# Carrying out a confirmed action failed; nothing moved.
commit_failed = Sorry, I couldn't complete that, and no money has moved. Would you like a person from our team to sort it out?
# The product named is not in the catalogue.
product_not_found = I couldn't find that product in our shop. Could you tell me its name as it appears on the site?
shop_range = We don't seem to carry that. What we sell: { $products }. Ask me about any of them.
# The message could mean several things: which one?
clarify = I want to get this right. Which of these do you mean?
# The new delivery address is needed.
ask_address = What's the new delivery address? Please write it in one message, as it should appear on the parcel.
# Asked whether it is a bot: it is the shop's automated assistant, and a person is one message away.
bot_disclosure = I'm this shop's automated assistant, not a person. I can help with your orders, returns and our products, or get you someone from our team right away.
# Asked whether it is a bot and for a person in one message: said before the handoff's own words.
bot_disclosure_short = I'm this shop's automated assistant, not a person.
# Something went wrong with a delivery: a person takes the claim, with the facts.
delivery_claim = I'm sorry about that. I've passed it to a person from our team with what you told me; they see this whole conversation, so you won't have to repeat anything, and they'll sort out the next step with you right here.
# The merchant's plugin proposed a refund for a delivery claim: nothing has moved yet, and declining hands the claim to a person.
claim_refund_offered = Nothing has been refunded yet: it happens only once you confirm. If you'd rather not, decline it and a person from our team takes your claim.
# A claim waits for the order's email, and the message gave none: asked once more, with a person offered instead.
claim_needs_email = I'd like to sort this out for you: to look at it I first need the email address the order was placed with. If you'd rather, a person from our team can take it over instead.
# A claim's email did not match the order: a person takes the claim (said before the claim's handoff).
claim_email_mismatch = I couldn't match that order number and email, so a person from our team will check the order is yours another way.
email_still_needed = I can go ahead as soon as I have the email address the order was placed with: that's how I check the order is yours. If you'd rather, a person from our team can take it over.
# The shopper would rather not give the email that shows an order's carrier and tracking number: why it is needed, and a person offered.
tracking_needs_email = The order's status is above. Its carrier and tracking number are shown only to the person who placed it, and the email address the order was placed with is how I check that. If you'd rather not give it, a person from our team can check another way.
# The shopper would rather not give the order's email, after being told why: a person takes the request.
email_declined_handoff = No problem. I've passed your request to a person from our team, who can check the order is yours another way. They see this whole conversation, so you won't have to repeat anything.
# A claim came with the shopper's email but no order number: the number is asked for once, the email kept (never asked again), a person offered if they don't have it.
claim_ask_order_number = I'm sorry about that. I have your email; to look at it I also need the order number, which you'll find in your confirmation email. If you don't have it to hand, just say so and a person from our team will take it from here.
# An order question came with the shopper's email but no order number.
ask_order_number_have_email = Thanks, I have your email. I also need the order number, which you'll find in your confirmation email. If you don't have it to hand, just say so and a person from our team will look it up.
ask_email_to_find_order = No problem. What's the email address you placed the order with? I'll find the order with it.
# The shopper declined the refund proposed for their claim: a person takes the claim.
claim_refund_declined = All right, no refund. I've passed your claim to a person from our team with what you told me; they see this whole conversation, so you won't have to repeat anything, and they'll sort out the next step with you right here.
# The shopper's situation makes time critical: a person at raised priority.
urgent_handoff = I understand this is urgent. I've asked a person from our team to look at it first; they see this whole conversation and will reply right here.
# A complaint: one apology, and a person who sees the whole conversation.
complaint_handoff = I'm sorry about your experience. I've passed your complaint to a person from our team; they see this whole conversation, so you won't have to repeat anything, and they'll reply right here.
return_without_refund = I can't see a refund for that order yet, and only our team can see whether your return has reached us. I've passed it to a person from our team; they see this whole conversation, so you won't have to repeat anything, and they'll reply right here.
# The shopper sent an order number or an email with nothing asked: what for?
what_to_do_with_it = Got it. What would you like me to do with it: check where the order is, or something else?

## Buttons and quick replies.

# The "talk to a human" quick reply; sending it hands off.
human_option = Talk to a human
# The quick reply that asks where an order is.
track_option = Where is my order?
# A refund card's buttons.
confirm_refund_button = Confirm refund
confirm_refund_cancel = Cancel
# An address-change card's buttons.
change_address_button = Change address
change_address_keep = Keep the old address
# An order-cancellation card's buttons.
cancel_order_button = Cancel order
cancel_order_keep = Keep my order

## Put together from what plugins said.

# The prices of the products shown, added up, when the shopper asks what they cost together.
products_together = Together: { $total }.
order_paid = Order { $order } came to { $total }.
# What an order holds, asked by its proven owner ("what did I order again?").
order_items = Order { $order } holds { $items }.
# What an order holds, asked before the order was proven the shopper's.
order_items_need_email = To tell you what's in order { $order }, I need the email address it was placed with.
# Asked which address an order goes to, while its change waits for the new one.
address_on_file = Order { $order } is going to { $address }. If it should go somewhere else, send me the new address in one message.

## A person and the shopper.

# An agent claimed the chat.
agent_joined = { $name } from our team has joined the chat.
# An agent resolved the chat, and the shopper is asked for a rating.
agent_resolved_rate = { $name } marked this conversation as resolved. How did we do?
# An agent resolved the chat.
agent_resolved = { $name } marked this conversation as resolved.
# The agent's canned replies: a greeting,
canned_greeting = Hi, I'm { $name }. I'm looking into this for you now.
# asking for the order number,
canned_order_number = Could you tell me your order number?
# and anything else.
canned_anything_else = Is there anything else I can help you with?
# The reply time promised, for one hour.
reply_within_one_hour = within an hour
# The same, for several.
reply_within_hours = within { $hours } hours
# A person was asked for and nobody is online: the contact form follows; `within` is the reply time.
nobody_online = I've asked for a person, but nobody from our team is available right now. Leave your email below and we'll reply { $within }. This chat also stays in our queue in case someone comes online sooner.
# Added to a line that promises a person when nobody is online.
nobody_online_now = Nobody from our team is online right now, though: leave your email below and we'll reply { $within }.
# A ticket was opened from the contact form; `{ticket}` is filled in by the store with its number.
ticket_opened = Thank you. Ticket #{ "{" }ticket{ "}" } is open: someone from our team will email you at { $email } { $within }.
# After a rating.
rating_thanks = Thank you for your feedback!

## What each intent is called in front of a shopper (clarifying questions) and an
## agent: `label_` and the intent.

label_cancel_order = Cancel an order
label_change_order = Change an order
label_change_shipping_address = Change the delivery address
label_check_cancellation_fee = Cancellation fees
label_check_invoice = Find an invoice
label_check_payment_methods = Payment methods
label_check_refund_policy = Refund policy
label_complaint = Make a complaint
label_contact_customer_service = Contact customer service
label_contact_human_agent = Talk to a human
label_create_account = Create an account
label_delete_account = Delete my account
label_delivery_options = Delivery options
label_delivery_period = Delivery times
label_edit_account = Edit my account
label_get_invoice = Get an invoice
label_get_refund = Get a refund
label_newsletter_subscription = Newsletter
label_payment_issue = A problem with a payment
label_place_order = Place an order
label_recover_password = Reset my password
label_registration_problems = Trouble signing up
label_review = Leave a review
label_set_up_shipping_address = Add a delivery address
label_switch_account = Switch accounts
label_track_order = Track an order
label_track_refund = Check a refund
label_return_item = Return an item
label_product_info = Product details
label_product_availability = Is it in stock?
