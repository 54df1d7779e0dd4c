# Messages of failed actions and pages that could not load (shown in a page’s alert).

error-invalid = Please correct the highlighted fields.
error-unauthorized = Please log in to continue.
error-not-found = We couldn’t find that.
error-forbidden = Your role in this trip doesn’t allow that. Ask its owner if you need to.
error-rate-limited = { $seconds ->
    [one] Too many attempts. Please wait { $seconds } second and try again.
   *[other] Too many attempts. Please wait { $seconds } seconds and try again.
}
error-internal = Something went wrong on our side. Please try again in a moment.
error-bad-request = That request could not be understood.
error-stale = Someone changed this while you were editing it, so your change was not saved. Here is how it looks now.

# The error pages: an unknown address (404), and the server’s own pages for a request that
# took too long (408), sent too much (413), came too often (429), met an outage (503) or
# failed (500). Each has a title (the browser tab), a heading and a text.

error-home = Go to the home page
error-not-found-title = Page not found
error-not-found-heading = We couldn’t find that page
error-not-found-text = The link may be old, or the address may have a typo. Your trips are safe — this page just doesn’t exist.
error-timeout-title = That took too long
error-timeout-heading = That took too long
error-timeout-text = We stopped waiting for this request. Please check your connection and try again.
error-too-large-title = Too much to send
error-too-large-heading = That was more than we can take
error-too-large-text = What you sent is larger than this site accepts. Please shorten it and try again.
error-rate-title = Slow down a little
error-rate-heading = Slow down a little
error-rate-text = You’ve made a lot of requests in the last minute. Please wait a moment, then try again — nothing you saved is lost.
error-unavailable-title = Back in a moment
error-unavailable-heading = We’ll be right back
error-unavailable-text = The service is briefly unavailable. Please try again in a minute — nothing you saved is lost.
error-server-title = Something went wrong
error-server-heading = Something went wrong on our side
error-server-text = We’ve logged the problem. Please try again in a moment — nothing you saved is lost.
