# asyncio's "TCP echo client using streams", as the documentation writes it
# (https://docs.python.org/3/library/asyncio-stream.html#tcp-echo-client-using-streams),
# with the port taken from the command line.
import asyncio
import sys


async def tcp_echo_client(message):
    reader, writer = await asyncio.open_connection(
        '127.0.0.1', int(sys.argv[1]))

    print(f'Send: {message!r}')
    writer.write(message.encode())
    await writer.drain()

    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')

    print('Close the connection')
    writer.close()
    await writer.wait_closed()

asyncio.run(tcp_echo_client('Hello World!'))
