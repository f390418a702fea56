@echo off
rem Starts the server for this PC (or finds it running) and opens the page.
"%~dp0node.exe" "%~dp0app\launch.mjs" start
if errorlevel 1 (pause) else (timeout /t 3 >nul)
