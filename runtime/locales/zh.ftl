## What the bot says on its own: Simplified Chinese (简体中文). Facts (order status, amounts, dates) never
## come from here: only plugins supply those. Every message is in every language, with
## the same { $placeholders }; the build checks it (runtime/l10n).

## Lines a merchant can reword (GET /v1/admin/replies): the id is the line's key.

greeting = 您好！我可以帮您处理订单、退款、商品和购物政策相关的问题，也可以随时为您转接人工客服。请问有什么可以帮您？
welcome = 您好！我可以帮您查询订单、办理退货退款、了解商品。请问有什么可以帮您？
suggestions =
    我的订单到哪了？
    怎么退货？
    多久能送到？
    我想找人工客服
thanks = 不客气！还有什么可以帮您的吗？
goodbye = 感谢光临，祝您生活愉快！
ask_order_number = 好的，请告诉我您的订单号（可以在订单确认邮件里找到）。
order_not_found = 没有找到这个订单号对应的订单，请核对一下，或者发送确认邮件里的订单号。
handoff_requested = 已为您申请转接人工客服，客服会在这里回复您，您可以先继续留言。
out_of_scope = 这个问题超出了我能帮忙的范围。我可以帮您处理订单、退款、商品和购物政策相关的问题，或者为您转接人工客服。
cannot_handle_yet = 明白您的问题了，不过这个我暂时还处理不了。需要为您转接人工客服吗？
plugin_failed = 抱歉，暂时查询不到相关信息。需要为您转接人工客服吗？
policy_handoff = 这个问题需要由我们的工作人员为您处理，已为您转接人工客服，客服会在这里回复您。
safety_handoff = 如果有人受伤或处于危险中，请立即拨打急救电话（中国大陆 120，报警 110）或尽快就医，不必等待我们的回复。我也已请工作人员立即接手这个对话，他们能看到全部聊天记录，会在这里回复您。
offer_human = 抱歉，我没能帮上忙。需要为您转接人工客服吗？
frustration_offer = 给您带来不便非常抱歉。如果您希望人工处理，我可以马上为您转接。
ask_order_email = 为了保护您的订单安全，请告诉我下单时使用的邮箱地址。
ownership_not_proven = 订单号和邮箱无法匹配，因此我不能对这个订单进行操作。请核对后再试，或者由人工客服为您处理。
proofs_exhausted = 订单号和邮箱仍然无法匹配，我已为您转接人工客服，客服会在这里为您处理。
details_need_proof = 如需查看承运商和运单号，请告诉我下单时使用的邮箱地址。
stale_confirmation = 这张卡片已失效，我没有进行任何操作。如果您仍有需要，请直接告诉我。
still_waiting = 您转人工的请求仍然有效，我们的同事上线后会尽快回复您。
proposal_still_open = 好的，了解。上面的方案仍然有效：请用卡片上的按钮确认或取消；如果想找人工客服，也可以直接说。
proof_expired = 您在商店的登录已过期，我没有进行任何操作。请刷新页面，或告诉我下单时使用的邮箱地址后再试。
refund_needs_human = 这笔退款需要由工作人员审核，已为您转接人工客服，客服会在这里回复您。
refund_cancelled = 好的，没有做任何更改。还有什么可以帮您的吗？
action_already_handled = 这个请求已经处理过了。
commit_failed = 抱歉，操作没有完成，款项没有变动。需要为您转接人工客服处理吗？
product_not_found = 没有找到这个商品，请告诉我网站上显示的商品名称。
shop_range = 我们好像没有这个商品。我们在售的有：{ $products }。想了解哪一款都可以问我。
clarify = 我想确认一下，您指的是以下哪一项？
ask_address = 请在一条消息中发送新的收货地址（收件人、电话和详细地址）。
bot_disclosure = 我是本店的自动客服助手（机器人），不是真人。我可以帮您查询订单、退换货和商品信息，也可以随时为您转接人工客服。
bot_disclosure_short = 我是本店的自动客服助手（机器人），不是真人。
delivery_claim = 非常抱歉给您带来不便。我已把您说的情况转给客服同事，他们能看到完整的对话记录，您无需重复说明，他们会在这里和您确定下一步处理。
claim_refund_offered = 目前还没有退款：只有您确认后才会退款。如果您不想这样处理，请选择取消，客服同事会接手处理您的问题。
claim_needs_email = 我想帮您处理这个问题：请先告诉我下单时使用的邮箱地址。如果您愿意，也可以直接转给客服同事处理。
claim_email_mismatch = 订单号和邮箱无法匹配，客服同事会用其他方式确认订单是您的。
email_still_needed = 请先告诉我下单时使用的邮箱地址，我确认订单是您本人的之后就可以为您办理。如果您愿意，也可以直接转给客服同事处理。
# The shopper would rather not give the email that shows an order's carrier and tracking number: why it is needed, and a person offered.
tracking_needs_email = 订单状态见上方。承运商和运单号只向下单本人显示，我需要通过下单时使用的邮箱来确认。如果您不想提供，也可以转给客服同事，用其他方式确认。
# The shopper would rather not give the order's email, after being told why: a person takes the request.
email_declined_handoff = 没关系。我已把您的请求转给客服同事，他们可以用其他方式确认订单是您的。他们能看到完整的对话记录，您无需重复说明。
claim_ask_order_number = 非常抱歉给您带来不便。您的邮箱我已记下；处理这个问题还需要订单号（可以在订单确认邮件里找到）。如果手头没有订单号，告诉我一声，客服同事会接手处理。
ask_order_number_have_email = 好的，您的邮箱我已记下。还需要订单号（可以在订单确认邮件里找到）；如果手头没有订单号，告诉我一声，客服同事会帮您查。
ask_email_to_find_order = 没关系。请告诉我下单时使用的邮箱地址，我用它帮您查订单。
claim_refund_declined = 好的，不退款。我已把您的问题转给客服同事，他们能看到完整的对话记录，您无需重复说明，他们会在这里和您确定下一步处理。
urgent_handoff = 明白，这件事很急。我已请客服同事优先处理，他们能看到完整的对话记录，会在这里回复您。
complaint_handoff = 非常抱歉给您带来不好的体验。我已把您的投诉转给客服同事，他们能看到完整的对话记录，您无需重复说明，会在这里回复您。
return_without_refund = 这个订单目前还没有退款记录，退货是否已经寄到需要同事查看。我已把情况转给客服同事，他们能看到完整的对话记录，您无需重复说明，会在这里回复您。
what_to_do_with_it = 收到。请问需要我帮您做什么：查询订单进度，还是其他问题？

## Buttons and quick replies.

human_option = 转人工
track_option = 查询订单
confirm_refund_button = 确认退款
confirm_refund_cancel = 取消
change_address_button = 确认修改地址
change_address_keep = 不修改
cancel_order_button = 确认取消订单
cancel_order_keep = 保留订单

## Put together from what plugins said.

products_together = 合计：{ $total }。
order_paid = 订单{ $order }共支付{ $total }。
order_items = 订单{ $order }里有：{ $items }。
order_items_need_email = 请告诉我下单时用的邮箱，我再告诉您订单{ $order }里有什么。
address_on_file = 订单{ $order }的收货地址是：{ $address }。如果要改寄别处，请在一条消息中发送新地址。

## A person and the shopper.

agent_joined = 客服{ $name }已加入对话。
agent_resolved_rate = 客服{ $name }已将本次对话标记为已解决。请为我们的服务打分：
agent_resolved = 客服{ $name }已将本次对话标记为已解决。
canned_greeting = 您好，我是客服{ $name }，正在为您处理。
canned_order_number = 请问您的订单号是多少？
canned_anything_else = 请问还有其他可以帮您的吗？
reply_within_one_hour = 1小时内
reply_within_hours = { $hours }小时内
nobody_online = 已为您申请人工客服，但目前没有客服在线。请在下方留下您的邮箱，我们会在{ $within }回复您；如有客服提前上线，也会在这里接待您。
nobody_online_now = 不过目前没有客服在线：请在下方留下您的邮箱，我们会在{ $within }回复您。
ticket_opened = 谢谢！已为您创建工单 #{ "{" }ticket{ "}" }，我们的客服会在{ $within }发邮件到 { $email } 回复您。
rating_thanks = 感谢您的评价！

## What each intent is called in front of a shopper (clarifying questions) and an
## agent: `label_` and the intent.

label_cancel_order = 取消订单
label_change_order = 修改订单
label_change_shipping_address = 修改收货地址
label_check_cancellation_fee = 取消订单的费用
label_check_invoice = 查看发票
label_check_payment_methods = 支付方式
label_check_refund_policy = 退款政策
label_complaint = 投诉
label_contact_customer_service = 联系客服
label_contact_human_agent = 转人工
label_create_account = 注册账号
label_delete_account = 注销账号
label_delivery_options = 配送方式
label_delivery_period = 配送时效
label_edit_account = 修改账号信息
label_get_invoice = 开具发票
label_get_refund = 申请退款
label_newsletter_subscription = 订阅邮件
label_payment_issue = 支付问题
label_place_order = 下单
label_recover_password = 找回密码
label_registration_problems = 注册问题
label_review = 评价
label_set_up_shipping_address = 设置收货地址
label_switch_account = 切换账号
label_track_order = 查询订单
label_track_refund = 查询退款进度
label_return_item = 退货
label_product_info = 商品信息
label_product_availability = 是否有货
