"""The telemarketer's workbench (电话营销员): entering leads, handing them
over and following their outcome."""
