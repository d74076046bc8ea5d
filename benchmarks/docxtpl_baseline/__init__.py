"""The comparison for figure 3: the largest fixture's report written straight in docxtpl."""
