"""Query counts that several tests share."""

# What the navigation's count beside "Home" costs on every signed-in page of a person who
# may act (register/start.py: every app's work, each in a fixed number of queries); none
# for the roles that only read.
NAVIGATION_QUERIES = 10
