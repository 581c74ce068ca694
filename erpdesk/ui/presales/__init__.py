"""The presales area of the window (``PresalesPage``): tabs of the
consultant's workbench, the first of them the knowledge base (search as you
type over modules, demo scripts, industry and competitor notes, with a
reader pane)."""
