@echo off
rem The command line: twelve.cmd score ledger.xlsx.
"%~dp0node.exe" "%~dp0app\twelve.mjs" %*
