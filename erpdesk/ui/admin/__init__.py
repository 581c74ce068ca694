"""The customer administrator's workbench (客户管理员): the registration
queue, leads to sign for, allocation, the pool, exemptions and a customer's
registry record, all served by the registry over the network."""
