"""The registry side of the sync protocol (architecture, "Sync protocol").

``ops`` parses and checks a desk's outbox op, ``merge`` is the three-way
field merge, ``apply`` writes one op, ``push`` runs a batch in one transaction
(a savepoint per op, each op at most once), ``pull`` pages through the changes a
user may see, ``access`` records who gains or loses sight of a customer.
"""
