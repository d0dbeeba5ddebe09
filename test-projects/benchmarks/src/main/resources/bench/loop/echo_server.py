# The echo benchmark's asyncio server: the same handler as bench.loop.LoopEcho, on asyncio's
# streams, with asyncio's own loop or with uvloop's (--uvloop). Prints "listening PORT".
import asyncio
import sys


async def echo(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()


async def main(port):
    server = await asyncio.start_server(echo, '127.0.0.1', port, backlog=4096)
    print('listening', server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if '--uvloop' in sys.argv:
    import uvloop
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
asyncio.run(main(int(sys.argv[1])))
