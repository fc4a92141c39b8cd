"""Bringing a council's existing register in from a spreadsheet (issue 13).

files.py reads an XLSX, ODS or CSV judged by its content; columns.py is the table of
columns the import knows and proposes the mapping; cells.py reads the cells councils
write ("1 April 2021", "£1,234.50", "Statutory (Crime and Disorder Act 1998)");
checking.py validates every row with the web form's own ArrangementForm and says what it
would do; services.py writes it all in one transaction.
"""
